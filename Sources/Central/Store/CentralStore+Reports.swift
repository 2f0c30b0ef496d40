// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import PostgresNIO
import SyncProtocol

extension CentralStore {
    /// Keeps what a device says about its own outbox, with an audit row, in one transaction.
    /// - Parameters:
    ///   - report: The device's report.
    ///   - device: The authenticated device.
    /// - Throws: ``SyncAPIError`` 401 for a device revoked meanwhile; ``CentralError`` for the database.
    func record(_ report: DeviceReport, from device: AuthenticatedDevice) async throws {
        let logger = logger
        try await transaction { connection in
            let updated = try await connection.query(
                """
                UPDATE devices SET reported_at = now(), last_seen = now(), reported_pending = \(report.pendingCount),
                    reported_oldest_pending_at = \(report.oldestPendingCreatedAt), reported_rejected = \(report.rejectedCount),
                    reported_last_error = \(report.lastError), software_version = \(report.softwareVersion)
                WHERE device_id = \(device.deviceID) AND revoked_at IS NULL
                RETURNING device_id
                """, logger: logger
            ).firstRow(String.self)
            guard updated != nil else {
                throw SyncAPIError.unauthorized("device_revoked", "本设备已被吊销，请联系管理员重新登记")
            }
            try await audit(
                connection, device: device, action: "report", outcome: "recorded",
                counts: AuditCounts(operations: report.pendingCount, rejected: report.rejectedCount))
        }
    }
}
