// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A row of the operator's device table: where a device files, how far its pushes got, when it was last heard.
public struct DeviceSummary: Sendable, Hashable {
    /// The device's id.
    public let deviceID: String
    /// Its label (host name).
    public let label: String
    /// Its point.
    public let pointID: String
    /// The last sequence the server holds from it.
    public let lastSeq: Int64
    /// Its last push or pull, or `nil` when never.
    public let lastSeen: Date?
    /// When it was revoked, or `nil`.
    public let revokedAt: Date?
    /// What the device last said about its own outbox, or `nil` before its first report.
    public let report: Report?

    /// A device's last report on its outbox (`POST /sync/v1/report`).
    public struct Report: Sendable, Hashable {
        /// When it came.
        public let at: Date
        /// Operations the device holds that the server has not acknowledged.
        public let pendingCount: Int
        /// When the oldest of them was created (device clock).
        public let oldestPendingAt: Date?
        /// Operations the server rejected.
        public let rejectedCount: Int
        /// The device's last sync error.
        public let lastError: String?
        /// The device's software version.
        public let softwareVersion: String?
    }

    /// Whether the device's point is behind: it has not synced since `limit` before `now` (or never), or it
    /// reported an operation pending for longer than `limit`.
    /// - Parameters:
    ///   - now: The clock.
    ///   - limit: How long a device may stay silent.
    /// - Returns: Whether to flag it.
    public func isBehind(now: Date, limit: TimeInterval) -> Bool {
        guard revokedAt == nil else { return false }
        guard let lastSeen else { return true }
        if let oldest = report?.oldestPendingAt, now.timeIntervalSince(oldest) > limit { return true }
        return now.timeIntervalSince(lastSeen) > limit
    }
}
