// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// `POST /sync/v1/push`: a batch of a device's operations, in sequence order with no gaps.
///
/// The server applies the batch in one transaction. Operations at or below the device's last applied
/// sequence are replays and get their stored result back; a batch that does not start right after it gets
/// 409 with ``PushGap``. The device id comes from the request's signature, never from the body.
public struct PushRequest: Sendable, Hashable, Codable {
    /// The highest sequence the device holds as acknowledged: a server restored from an older backup sees that
    /// it is behind and asks for the operations again (``PushResponse/ackedThroughSeq``).
    public var lastAckedSeq: Int64
    /// The operations, ascending by `seq`.
    public var operations: [SyncOperation]

    /// Creates a batch.
    public init(lastAckedSeq: Int64, operations: [SyncOperation]) {
        self.lastAckedSeq = lastAckedSeq
        self.operations = operations
    }

    private enum CodingKeys: String, CodingKey {
        case lastAckedSeq = "last_acked_seq", operations
    }
}

/// The answer to a push.
public struct PushResponse: Sendable, Hashable, Codable {
    /// Every operation up to this sequence is durably recorded on the server (applied or rejected); the
    /// device may mark its outbox rows up to here acknowledged — and only then.
    public var ackedThroughSeq: Int64
    /// One result per operation of the batch, replays included.
    public var results: [OperationResult]

    /// Creates an answer.
    public init(ackedThroughSeq: Int64, results: [OperationResult]) {
        self.ackedThroughSeq = ackedThroughSeq
        self.results = results
    }

    private enum CodingKeys: String, CodingKey {
        case ackedThroughSeq = "acked_through_seq", results
    }
}

/// What became of one operation.
public struct OperationResult: Sendable, Hashable, Codable {
    /// The outcome.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Applied now.
        case applied
        /// Applied earlier; this was a replay, and the stored result is returned.
        case duplicate
        /// Permanently invalid (unknown matter, a point the device does not serve, a bad field); recorded with
        /// its reason, and the sequence advances past it. The agent corrects it as a new case.
        case rejected
    }

    /// The operation's sequence.
    public var seq: Int64
    /// The outcome.
    public var status: Status
    /// Why it was rejected, in Chinese words for the agent.
    public var reason: String?
    /// The server's case number (办件编号) for an applied case.
    public var caseNumber: String?

    /// Creates a result.
    public init(seq: Int64, status: Status, reason: String? = nil, caseNumber: String? = nil) {
        self.seq = seq
        self.status = status
        self.reason = reason
        self.caseNumber = caseNumber
    }

    private enum CodingKeys: String, CodingKey {
        case seq, status, reason, caseNumber = "case_number"
    }
}

/// The body of a 409 answer to a push: the batch did not start right after what the server holds.
public struct PushGap: Sendable, Hashable, Codable {
    /// The sequence the server expects next.
    public var expectedSeq: Int64

    /// Creates a gap answer.
    public init(expectedSeq: Int64) {
        self.expectedSeq = expectedSeq
    }

    private enum CodingKeys: String, CodingKey {
        case expectedSeq = "expected_seq"
    }
}
