// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Queue

/// A row of the append-only `event` table.
struct EventRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "event"

    var seq: Int64?
    var at: Double
    var serviceDay: String
    var kind: String
    var ticketId: Int64?
    var number: String?
    var business: String?
    var windowId: String?
    /// The detail dictionary as JSON.
    var detail: String

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ event: QueueEvent) throws {
        at = event.at.timeIntervalSince1970
        serviceDay = event.serviceDay.text
        kind = event.kind.rawValue
        ticketId = event.ticketID
        number = event.number
        business = event.business
        windowId = event.window
        detail = String(decoding: try JSONEncoder().encode(event.detail), as: UTF8.self)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        seq = inserted.rowID
    }

    /// The stored event; `nil` for kinds this build does not know.
    func storedEvent() throws -> StoredEvent? {
        guard let seq, let kind = QueueEvent.Kind(rawValue: kind) else { return nil }
        let detail = try JSONDecoder().decode([String: String].self, from: Data(detail.utf8))
        let event = QueueEvent(
            kind: kind, at: Date(timeIntervalSince1970: at), serviceDay: ServiceDay(serviceDay), ticketID: ticketId,
            number: number, business: business, window: windowId, detail: detail)
        return StoredEvent(seq: seq, event: event)
    }
}
