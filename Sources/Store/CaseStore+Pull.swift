// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
public import SyncProtocol

extension CaseStore {
    /// The cursor stored with a stream's last applied page, `nil` before the first.
    /// - Parameter stream: The stream.
    public func cursor(for stream: PullStream) throws(StoreError) -> String? {
        do {
            return try writer.read { db in
                try String.fetchOne(db, sql: "SELECT cursor FROM sync_cursor WHERE stream = ?", arguments: [stream.rawValue])
            }
        } catch {
            throw StoreError(.readFailed, "cannot read a stream's cursor", underlying: error)
        }
    }

    /// Stores pulled catalogue entries and the page's cursor in one transaction.
    /// - Parameters:
    ///   - matters: The entries; a retired one stays, marked, so cases that name it still read.
    ///   - cursor: The page's `next_cursor`.
    /// - Throws: ``StoreError`` `writeFailed`; nothing of the page is kept then.
    public func applyCatalogue(_ matters: [MatterEntry], cursor: String) throws(StoreError) {
        try applyPage(of: .catalogue, cursor: cursor) { db in try Self.save(matters, in: db) }
    }

    /// Stores pulled bookings and the page's cursor in one transaction; a change replaces an older version of
    /// the same booking and never a newer one.
    /// - Parameters:
    ///   - bookings: The bookings.
    ///   - cursor: The page's `next_cursor`.
    /// - Throws: ``StoreError`` `writeFailed`; nothing of the page is kept then.
    public func applyBookings(_ bookings: [BookingEntry], cursor: String) throws(StoreError) {
        try applyPage(of: .bookings, cursor: cursor) { db in
            for booking in bookings {
                try db.execute(
                    sql: """
                        INSERT INTO booking (code, business, slot_start, slot_end, holder_masked_name, holder_key, status, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET business = excluded.business, slot_start = excluded.slot_start,
                            slot_end = excluded.slot_end, holder_masked_name = excluded.holder_masked_name,
                            holder_key = excluded.holder_key, status = excluded.status, version = excluded.version
                        WHERE excluded.version > booking.version
                        """,
                    arguments: [
                        booking.code, booking.business, booking.slotStart.timeIntervalSince1970,
                        booking.slotEnd.timeIntervalSince1970, booking.holderMaskedName, booking.holderKey, booking.status,
                        booking.version,
                    ])
            }
        }
    }

    /// Stores what the server decided about this kiosk's cases (case number, status, note) and the page's
    /// cursor in one transaction. A change for a case this kiosk did not capture is skipped; an older version
    /// never overwrites a newer one.
    /// - Parameters:
    ///   - changes: The status changes.
    ///   - cursor: The page's `next_cursor`.
    /// - Throws: ``StoreError`` `writeFailed`; nothing of the page is kept then.
    public func applyCaseStatus(_ changes: [CaseStatusChange], cursor: String) throws(StoreError) {
        try applyPage(of: .caseStatus, cursor: cursor) { db in
            for change in changes {
                try db.execute(
                    sql: """
                        UPDATE proxy_case SET server_case_number = COALESCE(?, server_case_number), server_status = ?,
                            server_note = ?, server_status_version = ?
                        WHERE case_id = ? AND server_status_version < ?
                        """,
                    arguments: [change.caseNumber, change.status, change.note, change.version, change.caseID, change.version])
            }
        }
    }

    /// Forgets a stream's cursor on the server's `must_resync`, so the next pull starts from the beginning.
    /// Bookings are dropped (the full pull brings back those that still hold); the catalogue stays usable
    /// until the full pull replaces it; case statuses stay shown but any version may replace them, since a
    /// server restored from a backup numbers versions anew.
    /// - Parameter stream: The stream.
    public func resetStream(_ stream: PullStream) throws(StoreError) {
        do {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM sync_cursor WHERE stream = ?", arguments: [stream.rawValue])
                switch stream {
                case .catalogue: break
                case .bookings: try db.execute(sql: "DELETE FROM booking")
                case .caseStatus: try db.execute(sql: "UPDATE proxy_case SET server_status_version = 0")
                }
            }
        } catch {
            throw StoreError(.writeFailed, "cannot reset a stream", underlying: error)
        }
    }

    /// The booking with this code (预约码), if pulled and still held.
    /// - Parameter code: The booking code.
    public func booking(code: String) throws(StoreError) -> BookingEntry? {
        do {
            return try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM booking WHERE code = ?", arguments: [code]).map { row in
                    BookingEntry(
                        code: row["code"], business: row["business"],
                        slotStart: Date(timeIntervalSince1970: row["slot_start"]),
                        slotEnd: Date(timeIntervalSince1970: row["slot_end"]), holderMaskedName: row["holder_masked_name"],
                        holderKey: row["holder_key"], status: row["status"], version: row["version"])
                }
            }
        } catch {
            throw StoreError(.readFailed, "cannot read a booking", underlying: error)
        }
    }

    /// Applies a page's changes and stores its cursor in one transaction.
    private func applyPage(
        of stream: PullStream, cursor: String, changes: @escaping @Sendable (Database) throws -> Void
    ) throws(StoreError) {
        do {
            try writer.write { db in
                try changes(db)
                try db.execute(
                    sql: "INSERT INTO sync_cursor (stream, cursor) VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor",
                    arguments: [stream.rawValue, cursor])
            }
        } catch {
            throw StoreError(.writeFailed, "cannot apply a pulled \(stream.rawValue) page", underlying: error)
        }
    }
}
