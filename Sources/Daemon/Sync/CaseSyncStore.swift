// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Store
import SyncClient
import SyncProtocol

/// The kiosk's SQLite store as the sync client sees it: the outbox it pushes from and the inbox it pulls into.
/// Every call is one short transaction on the case service's queue, off Swift's cooperative pool.
struct CaseSyncStore: SyncOutbox, SyncInbox {
    let cases: CaseService

    func operations(after seq: Int64, limit: Int) async throws -> [SyncOperation] {
        let operations = try await cases.perform { try $0.operations(after: seq, limit: limit, maxBytes: .max) }
        if operations.isEmpty, let purged = try await cases.perform({ try $0.firstPurgedSeq(after: seq) }) {
            throw SyncClientError(
                .store,
                "the server lacks operation \(purged), whose personal data this kiosk erased after the retention; "
                    + "an operator must restore the server's copy")
        }
        return operations
    }

    func recordPush(_ response: PushResponse) async throws {
        let at = Date()
        try await cases.perform { try $0.recordPush(response, at: at) }
    }

    func recordSuccess(at date: Date) async throws {
        try await cases.perform { try $0.recordSyncSuccess(at: date) }
    }

    func recordFailure(_ error: String, at date: Date) async throws {
        try await cases.perform { try $0.recordSyncError(error, at: date) }
    }

    func status() async throws -> OutboxStatus {
        let summary = try await cases.syncSummary()
        return OutboxStatus(
            pendingCount: summary.pendingCount, oldestPendingCreatedAt: summary.oldestPendingAt,
            lastAckedSeq: summary.lastAckedSeq, rejectedCount: summary.rejectedCount, lastError: summary.lastError,
            lastErrorAt: summary.lastErrorAt, lastSuccessAt: summary.lastSuccessAt)
    }

    func cursor(for stream: PullStream) async throws -> String? {
        try await cases.perform { try $0.cursor(for: stream) }
    }

    func applyCatalogue(_ changes: [MatterEntry], cursor: String) async throws {
        try await cases.perform { try $0.applyCatalogue(changes, cursor: cursor) }
    }

    func applyBookings(_ changes: [BookingEntry], cursor: String) async throws {
        try await cases.perform { try $0.applyBookings(changes, cursor: cursor) }
    }

    func applyCaseStatus(_ changes: [CaseStatusChange], cursor: String) async throws {
        try await cases.perform { try $0.applyCaseStatus(changes, cursor: cursor) }
    }

    func resetStream(_ stream: PullStream) async throws {
        try await cases.perform { try $0.resetStream(stream) }
    }
}
