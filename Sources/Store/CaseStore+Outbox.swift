// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import GRDB
import PersonalData
public import SyncProtocol

extension CaseStore {
    /// The next operations to push: not yet acknowledged, after a sequence number, oldest first, opened.
    /// - Parameters:
    ///   - seq: The last sequence number already sent (0 for the start).
    ///   - limit: The most operations in the batch.
    ///   - maxBytes: The most JSON bytes in the batch; the first operation is returned whatever its size.
    /// - Returns: The operations exactly as they will be pushed.
    /// - Throws: ``StoreError`` `readFailed`, also when a payload does not open with the data key.
    public func pendingOperations(after seq: Int64, limit: Int, maxBytes: Int) throws(StoreError) -> [SyncOperation] {
        do {
            let records = try writer.read { db in
                try OutboxRecord.fetchAll(
                    db, sql: "SELECT * FROM outbox WHERE seq > ? AND acked_at IS NULL AND payload IS NOT NULL ORDER BY seq LIMIT ?",
                    arguments: [seq, limit])
            }
            var operations: [SyncOperation] = []
            var bytes = 0
            for record in records {
                guard let payload = record.payload else { continue }
                if !operations.isEmpty, bytes + record.byteCount > maxBytes { break }
                let json = try dataKey.open(payload, context: Self.context(seq: record.seq))
                operations.append(try SyncJSON.decoder().decode(SyncOperation.self, from: json))
                bytes += record.byteCount
            }
            return operations
        } catch {
            throw StoreError(.readFailed, "cannot read the outbox", underlying: error)
        }
    }

    /// Marks every operation up to `seq` acknowledged, as the server's `acked_through_seq` says; their
    /// cases become `acknowledged` unless already rejected. Call it only with the server's answer.
    /// - Parameters:
    ///   - seq: The server's `acked_through_seq`.
    ///   - now: When the answer came.
    public func markAcknowledged(through seq: Int64, at now: Date) throws(StoreError) {
        do {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE outbox SET acked_at = ? WHERE seq <= ? AND acked_at IS NULL",
                    arguments: [now.timeIntervalSince1970, seq])
                try db.execute(
                    sql: "UPDATE proxy_case SET sync_state = 'acknowledged' WHERE seq <= ? AND sync_state = 'pending'",
                    arguments: [seq])
                try db.execute(
                    sql: "UPDATE sync_state SET last_error = NULL, last_error_at = NULL, last_success_at = ? WHERE id = 1",
                    arguments: [now.timeIntervalSince1970])
            }
        } catch {
            throw StoreError(.writeFailed, "cannot mark operations acknowledged", underlying: error)
        }
    }

    /// Records that the server refused an operation for good (its `last_seq` still moves past it); its case
    /// becomes `rejected` with the reason, for the agent to correct as a new case.
    /// - Parameters:
    ///   - seq: The operation.
    ///   - reason: The server's reason (no personal data).
    ///   - now: When the answer came.
    public func markRejected(seq: Int64, reason: String, at now: Date) throws(StoreError) {
        do {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE outbox SET acked_at = COALESCE(acked_at, ?), rejection_reason = ? WHERE seq = ?",
                    arguments: [now.timeIntervalSince1970, reason, seq])
                try db.execute(
                    sql: "UPDATE proxy_case SET sync_state = 'rejected', rejection_reason = ? WHERE seq = ?",
                    arguments: [reason, seq])
            }
        } catch {
            throw StoreError(.writeFailed, "cannot mark an operation rejected", underlying: error)
        }
    }

    /// Records a failed sync attempt's error (no personal data) for the agent's screen; a later
    /// ``markAcknowledged(through:at:)`` clears it.
    /// - Parameters:
    ///   - error: What went wrong.
    ///   - now: When.
    public func recordSyncError(_ error: String, at now: Date) throws(StoreError) {
        do {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE sync_state SET last_error = ?, last_error_at = ? WHERE id = 1",
                    arguments: [error, now.timeIntervalSince1970])
            }
        } catch {
            throw StoreError(.writeFailed, "cannot record a sync error", underlying: error)
        }
    }

    /// The outbox's state: pending count, the oldest pending operation's age, rejections and the last error.
    /// - Parameter now: The time to measure the age at.
    public func syncSummary(at now: Date) throws(StoreError) -> SyncSummary {
        do {
            return try writer.read { db in
                let pending = try Row.fetchOne(
                    db, sql: "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE acked_at IS NULL")
                let rejected = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM proxy_case WHERE sync_state = 'rejected'") ?? 0
                let state = try Row.fetchOne(db, sql: "SELECT last_error, last_error_at, last_success_at FROM sync_state WHERE id = 1")
                let oldest = (pending?[1] as Double?).map(Date.init(timeIntervalSince1970:))
                return SyncSummary(
                    pendingCount: pending?[0] ?? 0, oldestPendingAt: oldest,
                    oldestPendingAge: oldest.map { max(0, now.timeIntervalSince($0)) }, rejectedCount: rejected,
                    lastError: state?[0], lastErrorAt: (state?[1] as Double?).map(Date.init(timeIntervalSince1970:)),
                    lastSuccessAt: (state?[2] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        } catch {
            throw StoreError(.readFailed, "cannot read the sync state", underlying: error)
        }
    }

    /// Erases the personal data of cases the server settled (acknowledged or rejected) before `cutoff`:
    /// the sealed applicant and phone, and the outbox payloads. Masked forms, receipt numbers, sequence
    /// numbers and sync states stay, so lists and reprints still work and no sequence number is reused.
    /// - Parameters:
    ///   - cutoff: Settled before this time (now minus the retention).
    ///   - now: When the purge runs.
    /// - Returns: How many cases were purged.
    @discardableResult
    public func purgeAcknowledged(olderThan cutoff: Date, at now: Date) throws(StoreError) -> Int {
        do {
            return try writer.write { db in
                let settled = "SELECT seq FROM outbox WHERE acked_at IS NOT NULL AND acked_at < ?"
                try db.execute(
                    sql: """
                        UPDATE proxy_case SET applicant_sealed = NULL, phone_sealed = NULL, purged_at = ?
                        WHERE purged_at IS NULL AND seq IN (\(settled))
                        """, arguments: [now.timeIntervalSince1970, cutoff.timeIntervalSince1970])
                let purged = db.changesCount
                try db.execute(
                    sql: "UPDATE outbox SET payload = NULL WHERE payload IS NOT NULL AND seq IN (\(settled))",
                    arguments: [cutoff.timeIntervalSince1970])
                return purged
            }
        } catch {
            throw StoreError(.writeFailed, "cannot purge settled cases", underlying: error)
        }
    }
}
