// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import SyncProtocol

/// What the sync client needs from the kiosk's store: the outbox of operations to push, in sequence order, and
/// where the push stands. The kiosk's SQLite store implements it; every method is one short transaction.
///
/// Operations stay readable after they are acknowledged, for a retention window the store decides: a central
/// server restored from an older backup asks for them again (``SyncClient`` resends from its `expected_seq`).
public protocol SyncOutbox: Sendable {
    /// The operations after a sequence, acknowledged or not, ascending with no gaps.
    /// - Parameters:
    ///   - seq: Operations with a greater `seq` are returned (0: from the first).
    ///   - limit: At most this many. The client bounds the batch's bytes itself, from the encoded operations.
    /// - Returns: The operations; empty when none follows `seq`.
    /// - Throws: The store's error.
    func operations(after seq: Int64, limit: Int) async throws -> [SyncOperation]

    /// Records the server's answer to a push, in one transaction: every rejected operation with its reason (for
    /// the agent), every applied case's case number, and every operation up to `acked_through_seq` acknowledged:
    /// the server durably holds them. Never lowers the acknowledged mark.
    /// - Parameter response: The server's answer.
    /// - Throws: The store's error; then nothing of the answer is recorded, and the next round asks again.
    func recordPush(_ response: PushResponse) async throws

    /// Records a sync round that reached the server and finished.
    /// - Parameter date: When.
    /// - Throws: The store's error.
    func recordSuccess(at date: Date) async throws

    /// Records why the last sync round failed, for the agent's screen.
    /// - Parameters:
    ///   - error: A short description with no personal data (``SyncClientError/description``).
    ///   - date: When.
    /// - Throws: The store's error.
    func recordFailure(_ error: String, at date: Date) async throws

    /// Where the outbox stands.
    /// - Returns: Counts, marks and the last outcomes.
    /// - Throws: The store's error.
    func status() async throws -> OutboxStatus
}

/// Where a kiosk's outbox stands, as its store knows it.
public struct OutboxStatus: Sendable, Hashable {
    /// Operations not yet acknowledged.
    public var pendingCount: Int
    /// When the oldest of them was created (device clock), `nil` when none is pending.
    public var oldestPendingCreatedAt: Date?
    /// The highest acknowledged sequence, 0 before the first.
    public var lastAckedSeq: Int64
    /// Operations the server rejected.
    public var rejectedCount: Int
    /// The last failure's description, `nil` when none was recorded.
    public var lastError: String?
    /// When the last failure happened.
    public var lastErrorAt: Date?
    /// When the last successful round finished.
    public var lastSuccessAt: Date?

    /// Creates a status.
    public init(
        pendingCount: Int, oldestPendingCreatedAt: Date?, lastAckedSeq: Int64, rejectedCount: Int, lastError: String?,
        lastErrorAt: Date?, lastSuccessAt: Date?
    ) {
        self.pendingCount = pendingCount
        self.oldestPendingCreatedAt = oldestPendingCreatedAt
        self.lastAckedSeq = lastAckedSeq
        self.rejectedCount = rejectedCount
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.lastSuccessAt = lastSuccessAt
    }
}
