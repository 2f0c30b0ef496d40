// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Queue

/// A row of the `window_state` table.
struct WindowStateRecord: Codable, Sendable, FetchableRecord {

    var id: String
    /// The served businesses as JSON.
    var businesses: String
    var paused: Bool
    var currentTicket: Int64?
    var interleavePosition: Int

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ window: WindowState) {
        id = window.id
        businesses = JSONText.servedBusinesses(window.businesses)
        paused = window.paused
        currentTicket = window.currentTicket
        interleavePosition = window.interleavePosition
    }

    /// Inserts or updates the row by id.
    func save(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO window_state (id, businesses, paused, current_ticket, interleave_position) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET businesses = excluded.businesses, paused = excluded.paused,
                    current_ticket = excluded.current_ticket, interleave_position = excluded.interleave_position
                """
        ).execute(arguments: [id, businesses, paused, currentTicket, interleavePosition])
    }

    func windowState() throws -> WindowState {
        let served = try JSONDecoder().decode([ServedBusiness].self, from: Data(businesses.utf8))
        return WindowState(
            id: id, businesses: served, paused: paused, currentTicket: currentTicket, interleavePosition: interleavePosition)
    }
}
