// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// What became of a push batch.
enum PushOutcome: Sendable {
    /// Recorded (applied, duplicates, rejections): the answer to send.
    case recorded(PushResponse)
    /// The batch does not start right after what the server holds (or the device holds more than the server,
    /// after a restore): 409 with the sequence to send next.
    case gap(PushGap)
}

extension CentralStore {
    /// Records a batch in one transaction and a fixed number of statements, whatever its size: locks the
    /// device's row, answers replays from the ledger's stored results, checks the new operations, files their
    /// cases, ratings and day statistics with one multi-row statement each, writes their ledger rows (a rejected
    /// operation with its reason), advances `last_seq`, and writes the audit row.
    /// - Parameters:
    ///   - request: The batch; its sequences are contiguous and ascending (the route checked).
    ///   - device: The signing device.
    /// - Returns: The answer, or the gap.
    /// - Throws: ``SyncAPIError`` 401 when the device was revoked meanwhile (nothing is written); database errors.
    func push(_ request: PushRequest, from device: AuthenticatedDevice) async throws -> PushOutcome {
        let logger = logger
        return try await transaction { connection in
            guard
                let (lastSeq, revoked) = try await connection.query(
                    "SELECT last_seq, revoked_at IS NOT NULL FROM devices WHERE device_id = \(device.deviceID) FOR UPDATE",
                    logger: logger
                ).firstRow((Int64, Bool).self), !revoked
            else { throw SyncAPIError.unauthorized("device_revoked", "本设备已被吊销，请联系管理员重新登记") }
            let first = request.operations.first?.seq ?? lastSeq + 1
            if first > lastSeq + 1 || (request.operations.isEmpty && request.lastAckedSeq > lastSeq) {
                try await audit(
                    connection, device: device, action: "push", outcome: "gap",
                    counts: .init(operations: request.operations.count))
                return PushOutcome.gap(PushGap(expectedSeq: lastSeq + 1))
            }
            var results = try await storedResults(connection, device: device, through: lastSeq, of: request.operations)
            let new = request.operations.filter { $0.seq > lastSeq }
            var plan = PushPlan(new)
            let cases = try await insertCases(plan.cases, from: device, connection)
            plan.rejections.merge(cases.rejections) { $1 }
            plan.rejections.merge(try await insertRatings(plan.ratings, from: device, connection)) { $1 }
            try await upsertStatistics(plan.statisticsRows, from: device, connection)
            let acked = max(lastSeq, request.operations.last?.seq ?? lastSeq)
            try await recordLedger(
                new, rejections: plan.rejections, caseNumbers: cases.numbers, ackedThrough: acked, from: device,
                connection)
            results += new.map { operation in
                let seq = operation.seq
                return plan.rejections[seq].map { OperationResult(seq: seq, status: .rejected, reason: $0) }
                    ?? OperationResult(seq: seq, status: .applied, caseNumber: cases.numbers[seq])
            }
            let counts = AuditCounts(
                operations: results.count, applied: results.count { $0.status == .applied },
                duplicates: results.count { $0.status == .duplicate },
                rejected: results.count { $0.status == .rejected })
            try await audit(connection, device: device, action: "push", outcome: "ok", counts: counts)
            return .recorded(PushResponse(ackedThroughSeq: acked, results: results))
        }
    }

    /// The ledger's results for the operations at or below `lastSeq` (replays).
    private func storedResults(
        _ connection: PostgresConnection, device: AuthenticatedDevice, through lastSeq: Int64,
        of operations: [SyncOperation]
    ) async throws -> [OperationResult] {
        let replayed = operations.filter { $0.seq <= lastSeq }
        guard let low = replayed.first?.seq, let high = replayed.last?.seq else { return [] }
        var stored: [Int64: OperationResult] = [:]
        let rows = try await connection.query(
            """
            SELECT seq, result, reason, case_number FROM mutations
            WHERE device_id = \(device.deviceID) AND seq BETWEEN \(low) AND \(high)
            """, logger: logger)
        for try await (seq, result, reason, caseNumber) in rows.decode((Int64, String, String?, String?).self) {
            stored[seq] =
                result == "rejected"
                ? OperationResult(seq: seq, status: .rejected, reason: reason)
                : OperationResult(seq: seq, status: .duplicate, caseNumber: caseNumber)
        }
        return replayed.map { stored[$0.seq] ?? OperationResult(seq: $0.seq, status: .duplicate) }
    }
}
