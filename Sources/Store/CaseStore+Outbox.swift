// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import GRDB
import PersonalData
public import SyncProtocol

extension CaseStore {
    /// The operations after a sequence number, acknowledged or not, oldest first, opened: what a push sends,
    /// and what a central server restored from an older backup asks for again. The run stops before the
    /// first operation whose payload was purged, so it never has a gap.
    /// - Parameters:
    ///   - seq: Operations with a greater sequence number are returned (0 for the start).
    ///   - limit: The most operations in the batch.
    ///   - maxBytes: The most JSON bytes in the batch; the first operation is returned whatever its size.
    /// - Returns: The operations exactly as they will be pushed; empty when none follows `seq`, or when the
    ///   next one was purged (see ``firstPurgedSeq(after:)``).
    /// - Throws: ``StoreError`` `readFailed`, also when a payload does not open with the data key.
    public func operations(after seq: Int64, limit: Int, maxBytes: Int) throws(StoreError) -> [SyncOperation] {
        do {
            let records = try writer.read { db in
                try OutboxRecord.fetchAll(
                    db, sql: "SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit])
            }
            var operations: [SyncOperation] = []
            var bytes = 0
            for record in records {
                guard let payload = record.payload, record.seq == seq + Int64(operations.count) + 1 else { break }
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

    /// The sequence number right after `seq` when that operation exists but its payload was purged after the
    /// retention: it can no longer be sent.
    /// - Parameter seq: The last sequence number the server holds.
    /// - Returns: `seq + 1` when that row was purged, `nil` when it can be sent or does not exist.
    public func firstPurgedSeq(after seq: Int64) throws(StoreError) -> Int64? {
        do {
            return try writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT seq FROM outbox WHERE seq = ? AND payload IS NULL", arguments: [seq + 1])
            }
        } catch {
            throw StoreError(.readFailed, "cannot read the outbox", underlying: error)
        }
    }

    /// Records the server's answer to a push in one transaction: rejected operations with their reasons (their
    /// cases become `rejected`), the case numbers of applied cases, and every operation up to
    /// `acked_through_seq` acknowledged (their cases become `acknowledged` unless rejected). Call it only with
    /// the server's answer.
    /// - Parameters:
    ///   - response: The server's answer.
    ///   - now: When the answer came.
    /// - Throws: ``StoreError`` `writeFailed`; nothing of the answer is recorded then.
    public func recordPush(_ response: PushResponse, at now: Date) throws(StoreError) {
        do {
            try writer.write { db in
                for result in response.results {
                    switch result.status {
                    case .rejected:
                        let reason = result.reason ?? "中心拒收"
                        try db.execute(
                            sql: "UPDATE outbox SET acked_at = COALESCE(acked_at, ?), rejection_reason = ? WHERE seq = ?",
                            arguments: [now.timeIntervalSince1970, reason, result.seq])
                        try db.execute(
                            sql: "UPDATE proxy_case SET sync_state = 'rejected', rejection_reason = ? WHERE seq = ?",
                            arguments: [reason, result.seq])
                    case .applied, .duplicate:
                        guard let caseNumber = result.caseNumber else { continue }
                        try db.execute(
                            sql: "UPDATE proxy_case SET server_case_number = ? WHERE seq = ?", arguments: [caseNumber, result.seq])
                    }
                }
                try db.execute(
                    sql: "UPDATE outbox SET acked_at = ? WHERE seq <= ? AND acked_at IS NULL",
                    arguments: [now.timeIntervalSince1970, response.ackedThroughSeq])
                try db.execute(
                    sql: "UPDATE proxy_case SET sync_state = 'acknowledged' WHERE seq <= ? AND sync_state = 'pending'",
                    arguments: [response.ackedThroughSeq])
            }
        } catch {
            throw StoreError(.writeFailed, "cannot record the server's answer", underlying: error)
        }
    }

    /// Records a sync round that reached the server and finished: the last error is cleared.
    /// - Parameter now: When it finished.
    public func recordSyncSuccess(at now: Date) throws(StoreError) {
        do {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE sync_state SET last_error = NULL, last_error_at = NULL, last_success_at = ? WHERE id = 1",
                    arguments: [now.timeIntervalSince1970])
            }
        } catch {
            throw StoreError(.writeFailed, "cannot record a sync success", underlying: error)
        }
    }

    /// Records a failed sync attempt's error (no personal data) for the agent's screen; a later
    /// ``recordSyncSuccess(at:)`` clears it.
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
                let acked = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM outbox WHERE acked_at IS NOT NULL") ?? 0
                let state = try Row.fetchOne(db, sql: "SELECT last_error, last_error_at, last_success_at FROM sync_state WHERE id = 1")
                let oldest = (pending?[1] as Double?).map(Date.init(timeIntervalSince1970:))
                return SyncSummary(
                    pendingCount: pending?[0] ?? 0, oldestPendingAt: oldest,
                    oldestPendingAge: oldest.map { max(0, now.timeIntervalSince($0)) }, lastAckedSeq: acked, rejectedCount: rejected,
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
