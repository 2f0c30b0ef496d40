// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import SyncClient
import SyncProtocol

/// An in-memory outbox with the contract of the kiosk's store, recording every acknowledgement it is told.
actor MemoryOutbox: SyncOutbox {
    private(set) var operations: [SyncOperation] = []
    private(set) var ackedThrough: Int64 = 0
    /// Each recorded push answer's `acked_through_seq`, in order.
    private(set) var acknowledgements: [Int64] = []
    private(set) var rejected: [Int64: String] = [:]
    /// The case numbers the server gave, by sequence.
    private(set) var caseNumbers: [Int64: String] = [:]
    private(set) var lastError: String?
    private(set) var lastErrorAt: Date?
    private(set) var lastSuccessAt: Date?
    private(set) var successes = 0

    /// Appends operations `seq` after the last one, each a small rating (or `padding` bytes of reason).
    func append(_ count: Int, padding: Int = 0) {
        for _ in 0..<count {
            let seq = Int64(operations.count + 1)
            let rating = RatingRecord(
                serviceDay: "2026-11-24", ticketNumber: "A\(seq)", business: "social-security", window: "1", level: 5,
                reason: padding > 0 ? String(repeating: "x", count: padding) : nil,
                ratedAt: Date(timeIntervalSince1970: 1_790_000_000))
            operations.append(
                SyncOperation(seq: seq, createdAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(seq)), payload: .ratingGiven(rating)))
        }
    }

    func operations(after seq: Int64, limit: Int) -> [SyncOperation] {
        Array(operations.filter { $0.seq > seq }.prefix(limit))
    }

    func recordPush(_ response: PushResponse) {
        for result in response.results where result.status == .rejected {
            rejected[result.seq] = result.reason ?? ""
        }
        for result in response.results {
            if let caseNumber = result.caseNumber { caseNumbers[result.seq] = caseNumber }
        }
        acknowledgements.append(response.ackedThroughSeq)
        ackedThrough = max(ackedThrough, response.ackedThroughSeq)
    }

    func recordSuccess(at date: Date) {
        lastSuccessAt = date
        successes += 1
    }

    func recordFailure(_ error: String, at date: Date) {
        lastError = error
        lastErrorAt = date
    }

    func status() -> OutboxStatus {
        let pending = operations.filter { $0.seq > ackedThrough }
        return OutboxStatus(
            pendingCount: pending.count, oldestPendingCreatedAt: pending.first?.createdAt, lastAckedSeq: ackedThrough,
            rejectedCount: rejected.count, lastError: lastError, lastErrorAt: lastErrorAt, lastSuccessAt: lastSuccessAt)
    }
}

/// An in-memory inbox: the pulled changes and the cursors stored with them.
actor MemoryInbox: SyncInbox {
    private(set) var matters: [String: MatterEntry] = [:]
    private(set) var bookings: [String: BookingEntry] = [:]
    private(set) var statuses: [String: CaseStatusChange] = [:]
    private(set) var cursors: [PullStream: String] = [:]
    private(set) var resets: [PullStream] = []

    func cursor(for stream: PullStream) -> String? { cursors[stream] }

    func applyCatalogue(_ changes: [MatterEntry], cursor: String) {
        for change in changes { matters[change.code] = change }
        cursors[.catalogue] = cursor
    }

    func applyBookings(_ changes: [BookingEntry], cursor: String) {
        for change in changes { bookings[change.code] = change }
        cursors[.bookings] = cursor
    }

    func applyCaseStatus(_ changes: [CaseStatusChange], cursor: String) {
        for change in changes { statuses[change.caseID] = change }
        cursors[.caseStatus] = cursor
    }

    func resetStream(_ stream: PullStream) {
        resets.append(stream)
        cursors[stream] = nil
        if stream == .catalogue { matters = [:] }
    }
}
