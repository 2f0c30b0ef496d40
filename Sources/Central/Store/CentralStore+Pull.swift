// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import PostgresNIO
import SyncProtocol

extension CentralStore {
    /// The largest page a pull returns.
    static let maximumPageSize = 500

    /// One page of the catalogue after `cursor`.
    func pullCatalogue(after cursor: PullCursor?, limit: Int, device: AuthenticatedDevice) async throws -> PullPage<
        MatterEntry
    > {
        try await pull(.catalogue, after: cursor, limit: limit, device: device) { connection, after, count in
            var changes: [(Int64, MatterEntry)] = []
            let rows = try await connection.query(
                """
                SELECT change_id, code, name, department, materials::text, allows_deferral, promised_days, retired, version
                FROM matters WHERE change_id > \(after) ORDER BY change_id LIMIT \(count)
                """, logger: logger)
            for try await (changeID, code, name, department, materials, deferral, days, retired, version)
                in rows.decode(
                    (Int64, String, String, String, String, Bool, Int, Bool, Int64).self)
            {
                let list = try JSONDecoder().decode([MatterEntry.Material].self, from: Data(materials.utf8))
                changes.append(
                    (
                        changeID,
                        MatterEntry(
                            code: code, name: name, department: department, materials: list, allowsDeferral: deferral,
                            promisedDays: days, retired: retired, version: version)
                    ))
            }
            return changes
        }
    }

    /// One page of the bookings of the device's point after `cursor`.
    func pullBookings(after cursor: PullCursor?, limit: Int, device: AuthenticatedDevice) async throws -> PullPage<
        BookingEntry
    > {
        try await pull(.bookings, after: cursor, limit: limit, device: device) { connection, after, count in
            var changes: [(Int64, BookingEntry)] = []
            let rows = try await connection.query(
                """
                SELECT change_id, code, business, slot_start, slot_end, holder_masked_name, holder_key, status, version
                FROM bookings WHERE point_id = \(device.pointID) AND change_id > \(after) ORDER BY change_id LIMIT \(count)
                """, logger: logger)
            for try await (changeID, code, business, start, end, maskedName, holderKey, status, version) in rows.decode(
                (Int64, String, String, Date, Date, String, String?, String, Int64).self)
            {
                changes.append(
                    (
                        changeID,
                        BookingEntry(
                            code: code, business: business, slotStart: start, slotEnd: end,
                            holderMaskedName: maskedName,
                            holderKey: holderKey, status: status, version: version)
                    ))
            }
            return changes
        }
    }

    /// One page of the status changes of the cases of the device's point after `cursor`.
    func pullCaseStatus(after cursor: PullCursor?, limit: Int, device: AuthenticatedDevice) async throws
        -> PullPage<CaseStatusChange>
    {
        try await pull(.caseStatus, after: cursor, limit: limit, device: device) { connection, after, count in
            var changes: [(Int64, CaseStatusChange)] = []
            let rows = try await connection.query(
                """
                SELECT s.change_id, s.case_id, c.case_number, s.status, s.note, s.version, s.changed_at
                FROM case_status_changes s JOIN cases c USING (case_id)
                WHERE s.point_id = \(device.pointID) AND s.change_id > \(after) ORDER BY s.change_id LIMIT \(count)
                """, logger: logger)
            for try await (changeID, caseID, caseNumber, status, note, version, changedAt) in rows.decode(
                (Int64, String, String, String, String?, Int64, Date).self)
            {
                changes.append(
                    (
                        changeID,
                        CaseStatusChange(
                            caseID: caseID, caseNumber: caseNumber, status: status, note: note, version: version,
                            changedAt: changedAt)
                    ))
            }
            return changes
        }
    }

    /// The common part of a pull: a cursor of another epoch, or beyond the newest change this database ever made
    /// (a restore from an older backup), gets `must_resync`; otherwise up to `limit` changes after it, the next
    /// cursor, the device's acknowledged sequence, and an audit row.
    private func pull<Change: Sendable & Hashable & Codable>(
        _ stream: PullStream, after cursor: PullCursor?, limit: Int, device: AuthenticatedDevice,
        fetch: @escaping @Sendable (PostgresConnection, Int64, Int) async throws -> [(Int64, Change)]
    ) async throws -> PullPage<Change> {
        let logger = logger
        let epoch = epoch
        return try await transaction { connection in
            let head =
                try await connection.query(
                    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM change_seq", logger: logger
                ).firstValue(Int64.self) ?? 0
            let acked =
                try await connection.query(
                    "UPDATE devices SET last_seen = now() WHERE device_id = \(device.deviceID) RETURNING last_seq",
                    logger: logger
                ).firstValue(Int64.self) ?? 0
            let after = cursor?.changeID ?? 0
            if let cursor, cursor.epoch != epoch || cursor.changeID > head {
                try await audit(
                    connection, device: device, action: "pull", stream: stream.rawValue, outcome: "must_resync")
                return PullPage(changes: [], nextCursor: "", hasMore: true, mustResync: true, ackedThroughSeq: acked)
            }
            let rows = try await fetch(connection, after, limit + 1)
            let page = rows.prefix(limit)
            let next = PullCursor(stream: stream, epoch: epoch, changeID: page.last?.0 ?? after)
            try await audit(
                connection, device: device, action: "pull", stream: stream.rawValue, outcome: "ok",
                counts: AuditCounts(changes: page.count))
            return PullPage(
                changes: page.map(\.1), nextCursor: next.token, hasMore: rows.count > limit, mustResync: false,
                ackedThroughSeq: acked)
        }
    }
}
