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

    /// Whether the device has not synced since `limit` before `now` (or never): its point is behind.
    /// - Parameters:
    ///   - now: The clock.
    ///   - limit: How long a device may stay silent.
    /// - Returns: Whether to flag it.
    public func isBehind(now: Date, limit: TimeInterval) -> Bool {
        guard revokedAt == nil else { return false }
        guard let lastSeen else { return true }
        return now.timeIntervalSince(lastSeen) > limit
    }
}
