// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// How far the outbox is from the central server, for the agent's screen and the device's report.
public struct SyncSummary: Sendable, Hashable {
    /// Operations not yet acknowledged.
    public var pendingCount: Int
    /// When the oldest of them was created, if any.
    public var oldestPendingAt: Date?
    /// How old the oldest of them is, at the time asked.
    public var oldestPendingAge: TimeInterval?
    /// The highest sequence number the server acknowledged, 0 before the first.
    public var lastAckedSeq: Int64
    /// Cases the server refused for good.
    public var rejectedCount: Int
    /// The sync client's last error (no personal data), until a sync round succeeds.
    public var lastError: String?
    /// When it happened.
    public var lastErrorAt: Date?
    /// When a sync round last succeeded.
    public var lastSuccessAt: Date?

    /// Creates a summary.
    public init(
        pendingCount: Int, oldestPendingAt: Date?, oldestPendingAge: TimeInterval?, lastAckedSeq: Int64, rejectedCount: Int,
        lastError: String?, lastErrorAt: Date?, lastSuccessAt: Date?
    ) {
        self.pendingCount = pendingCount
        self.oldestPendingAt = oldestPendingAt
        self.oldestPendingAge = oldestPendingAge
        self.lastAckedSeq = lastAckedSeq
        self.rejectedCount = rejectedCount
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.lastSuccessAt = lastSuccessAt
    }
}
