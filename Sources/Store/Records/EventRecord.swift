// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Queue

/// A row of the append-only `event` table.
struct EventRecord: Codable, Sendable, FetchableRecord {

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

    init(_ event: QueueEvent) {
        at = event.at.timeIntervalSince1970
        serviceDay = event.serviceDay.text
        kind = event.kind.rawValue
        ticketId = event.ticketID
        number = event.number
        business = event.business
        windowId = event.window
        detail = JSONText.object(event.detail)
    }

    /// Appends the row with a cached statement and returns its sequence number.
    func append(_ db: Database) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO event (at, service_day, kind, ticket_id, number, business, window_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [at, serviceDay, kind, ticketId, number, business, windowId, detail])
        return db.lastInsertedRowID
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
