// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Where sync stands, for the agent's screen: what waits to be sent and how it last went.
public struct SyncStatus: Sendable, Hashable {
    /// Operations not yet acknowledged by the server.
    public var pendingCount: Int
    /// How long the oldest of them has waited, `nil` when none is pending.
    public var oldestPendingAge: Duration?
    /// The highest sequence the server acknowledged.
    public var lastAckedSeq: Int64
    /// Operations the server rejected (the agent corrects them as new cases).
    public var rejectedCount: Int
    /// The last failure, without personal data; `nil` when none was recorded.
    public var lastError: String?
    /// When it happened.
    public var lastErrorAt: Date?
    /// When the last good round finished.
    public var lastSuccessAt: Date?
    /// Failed rounds in a row since the last good one.
    public var consecutiveFailures: Int
    /// Whether the client stopped because the server no longer knows the device (401).
    public var stopped: Bool

    /// Builds the status from the outbox's.
    /// - Parameters:
    ///   - outbox: The outbox's status.
    ///   - now: The time ages are measured to.
    ///   - consecutiveFailures: Failed rounds in a row.
    ///   - stopped: Whether the client stopped.
    public init(outbox: OutboxStatus, now: Date, consecutiveFailures: Int, stopped: Bool) {
        pendingCount = outbox.pendingCount
        oldestPendingAge = outbox.oldestPendingCreatedAt.map { .seconds(max(0, now.timeIntervalSince($0))) }
        lastAckedSeq = outbox.lastAckedSeq
        rejectedCount = outbox.rejectedCount
        lastError = outbox.lastError
        lastErrorAt = outbox.lastErrorAt
        lastSuccessAt = outbox.lastSuccessAt
        self.consecutiveFailures = consecutiveFailures
        self.stopped = stopped
    }
}
