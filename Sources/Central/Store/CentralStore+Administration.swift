// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import PostgresNIO
public import SyncProtocol

extension CentralStore {
    /// The statuses a case may move to from each status; `completed` and `rejected` are final.
    static let transitions: [String: Set<String>] = [
        "accepted": ["in_progress", "returned", "rejected"],
        "in_progress": ["completed", "returned", "rejected"],
        "returned": ["in_progress", "rejected"],
    ]

    /// Adds a service point, or renames it.
    /// - Parameters:
    ///   - pointID: Its id, e.g. `320102-001`.
    ///   - name: Its name, e.g. `玄武区梅园新村街道便民服务站`.
    /// - Throws: Database errors.
    public func addPoint(_ pointID: String, name: String) async throws {
        try await client.query(
            "INSERT INTO points (point_id, name) VALUES (\(pointID), \(name)) ON CONFLICT (point_id) DO UPDATE SET name = EXCLUDED.name",
            logger: logger)
    }

    /// Revokes a device: from now on every request it signs gets 401.
    /// - Parameter deviceID: The device.
    /// - Throws: ``CentralError/Code/unknownDevice``.
    public func revoke(_ deviceID: String) async throws {
        try await transaction { connection in
            guard
                let point = try await connection.query(
                    "UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE device_id = \(deviceID) RETURNING point_id",
                    logger: logger
                ).firstValue(String.self)
            else { throw CentralError(.unknownDevice, "there is no device \(deviceID)") }
            try await audit(
                connection, device: AuthenticatedDevice(deviceID: deviceID, pointID: point), action: "revoke",
                outcome: "ok")
        }
    }

    /// Imports matters into the catalogue: a new or changed matter gets the next catalogue version and a new
    /// change id; an unchanged one is left alone.
    /// - Parameter matters: The matters.
    /// - Returns: How many were new or changed.
    /// - Throws: ``CentralError/Code/invalidCatalogue`` for an empty code or name, or non-positive days.
    @discardableResult
    public func importCatalogue(_ matters: [CatalogueMatter]) async throws -> Int {
        for matter in matters where matter.code.isEmpty || matter.name.isEmpty || matter.promisedDays <= 0 {
            throw CentralError(
                .invalidCatalogue,
                "matter \(matter.code.isEmpty ? "(no code)" : matter.code) needs a code, a name and promised days > 0")
        }
        return try await transaction { connection in
            try await lockStream("catalogue", point: "*", connection)
            let newest =
                try await connection.query("SELECT max(version) FROM matters", logger: logger)
                .firstValue(Int64?.self) ?? nil
            let version = (newest ?? 0) + 1
            var changed = 0
            for matter in matters {
                let materials = String(decoding: try JSONEncoder().encode(matter.materials), as: UTF8.self)
                let row = try await connection.query(
                    """
                    INSERT INTO matters (code, name, department, materials, allows_deferral, promised_days, retired, version, change_id)
                    VALUES (\(matter.code), \(matter.name), \(matter.department), \(materials)::jsonb, \(matter.allowsDeferral),
                        \(matter.promisedDays), \(matter.retired), \(version), nextval('change_seq'))
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, department = EXCLUDED.department,
                        materials = EXCLUDED.materials, allows_deferral = EXCLUDED.allows_deferral,
                        promised_days = EXCLUDED.promised_days, retired = EXCLUDED.retired, version = EXCLUDED.version,
                        change_id = EXCLUDED.change_id
                    WHERE (matters.name, matters.department, matters.materials, matters.allows_deferral,
                        matters.promised_days, matters.retired)
                        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.department, EXCLUDED.materials,
                        EXCLUDED.allows_deferral, EXCLUDED.promised_days, EXCLUDED.retired)
                    RETURNING 1
                    """, logger: logger
                ).firstValue(Int.self)
                if row != nil { changed += 1 }
            }
            try await audit(
                connection, device: nil, action: "catalogue_import", outcome: "ok",
                counts: AuditCounts(changes: changed))
            return changed
        }
    }

    /// Moves a case to a new status (the server owns case status): bumps its version and logs the change for
    /// its point's `case_status` stream in the same transaction.
    /// - Parameters:
    ///   - caseID: The case.
    ///   - status: `in_progress`, `completed`, `returned` or `rejected`.
    ///   - note: A note for the agent (why returned, what is missing).
    /// - Returns: The case's new version.
    /// - Throws: ``CentralError/Code/unknownCase``, ``CentralError/Code/invalidTransition``.
    @discardableResult
    public func setCaseStatus(_ caseID: String, to status: String, note: String?) async throws -> Int64 {
        try await transaction { connection in
            guard
                let (point, current) = try await connection.query(
                    "SELECT point_id, status FROM cases WHERE case_id = \(caseID) FOR UPDATE", logger: logger
                ).firstRow((String, String).self)
            else { throw CentralError(.unknownCase, "there is no case \(caseID)") }
            guard Self.transitions[current]?.contains(status) == true else {
                throw CentralError(.invalidTransition, "case \(caseID) is \(current); it cannot become \(status)")
            }
            try await lockStream("case_status", point: point, connection)
            let version =
                try await connection.query(
                    "UPDATE cases SET status = \(status), version = version + 1 WHERE case_id = \(caseID) RETURNING version",
                    logger: logger
                ).firstValue(Int64.self) ?? 0
            try await connection.query(
                """
                INSERT INTO case_status_changes (case_id, point_id, status, note, version)
                VALUES (\(caseID), \(point), \(status), \(note), \(version))
                """, logger: logger)
            try await audit(connection, device: nil, point: point, action: "case_status", outcome: status)
            return version
        }
    }

    /// Adds or changes a booking of a point, with a new change id for its `bookings` stream.
    /// - Parameters:
    ///   - booking: The booking (its `version` is ignored: the server counts).
    ///   - pointID: Its point.
    /// - Throws: ``CentralError/Code/unknownPoint``; database errors for a bad status.
    public func recordBooking(_ booking: BookingEntry, at pointID: String) async throws {
        try await transaction { connection in
            guard try await pointExists(pointID, connection) else {
                throw CentralError(.unknownPoint, "there is no point \(pointID)")
            }
            try await lockStream("bookings", point: pointID, connection)
            try await connection.query(
                """
                INSERT INTO bookings (code, point_id, business, slot_start, slot_end, holder_masked_name, holder_key, status,
                    version, change_id)
                VALUES (\(booking.code), \(pointID), \(booking.business), \(booking.slotStart), \(booking.slotEnd),
                    \(booking.holderMaskedName), \(booking.holderKey), \(booking.status), 1, nextval('change_seq'))
                ON CONFLICT (code) DO UPDATE SET business = EXCLUDED.business, slot_start = EXCLUDED.slot_start,
                    slot_end = EXCLUDED.slot_end, holder_masked_name = EXCLUDED.holder_masked_name,
                    holder_key = EXCLUDED.holder_key, status = EXCLUDED.status, version = bookings.version + 1,
                    change_id = EXCLUDED.change_id
                """, logger: logger)
        }
    }

    /// Every device, by point then id.
    /// - Returns: The operator's table rows.
    /// - Throws: Database errors.
    public func devices() async throws -> [DeviceSummary] {
        var devices: [DeviceSummary] = []
        let rows = try await client.query(
            """
            SELECT device_id, label, point_id, last_seq, last_seen, revoked_at, reported_at, reported_pending,
                reported_oldest_pending_at, reported_rejected, reported_last_error, software_version
            FROM devices ORDER BY point_id, device_id
            """, logger: logger)
        for try await (id, label, point, lastSeq, lastSeen, revokedAt, reportedAt, pending, oldest, rejected, error, version)
            in rows.decode((String, String, String, Int64, Date?, Date?, Date?, Int?, Date?, Int?, String?, String?).self)
        {
            let report = reportedAt.map { at in
                DeviceSummary.Report(
                    at: at, pendingCount: pending ?? 0, oldestPendingAt: oldest, rejectedCount: rejected ?? 0, lastError: error,
                    softwareVersion: version)
            }
            devices.append(
                DeviceSummary(
                    deviceID: id, label: label, pointID: point, lastSeq: lastSeq, lastSeen: lastSeen, revokedAt: revokedAt,
                    report: report))
        }
        return devices
    }
}
