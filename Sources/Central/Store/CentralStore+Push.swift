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
    /// Records a batch in one transaction: locks the device's row, returns the ledger's stored results for
    /// replays, applies each new operation (or records it rejected with its reason), advances `last_seq`, and
    /// writes the audit row.
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
            for operation in request.operations where operation.seq > lastSeq {
                results.append(try await record(operation, from: device, connection: connection))
            }
            let acked = max(lastSeq, request.operations.last?.seq ?? lastSeq)
            try await connection.query(
                "UPDATE devices SET last_seq = \(acked), last_seen = now() WHERE device_id = \(device.deviceID)",
                logger: logger)
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

    /// Applies one new operation, or finds why it is permanently invalid, and writes its ledger row.
    private func record(_ operation: SyncOperation, from device: AuthenticatedDevice, connection: PostgresConnection)
        async throws -> OperationResult
    {
        var reason: String?
        var caseNumber: String?
        if operation.schemaVersion > SyncOperation.currentSchemaVersion
            || operation.schemaVersion < SyncOperation.currentSchemaVersion - 1
        {
            reason = "数据版本不受支持"
        } else {
            switch operation.payload {
            case .caseCaptured(let capture):
                switch try await insertCase(
                    capture, seq: operation.seq, createdAt: operation.createdAt, from: device, connection)
                {
                case .success(let number): caseNumber = number
                case .failure(let refusal): reason = refusal.reason
                }
            case .ratingGiven(let rating):
                reason = try await insertRating(rating, seq: operation.seq, from: device, connection)
            case .dayStatistics(let statistics):
                reason = try await upsertStatistics(statistics, seq: operation.seq, from: device, connection)
            }
        }
        let result = reason == nil ? "applied" : "rejected"
        try await connection.query(
            """
            INSERT INTO mutations (device_id, seq, kind, result, reason, case_number)
            VALUES (\(device.deviceID), \(operation.seq), \(operation.payload.kind), \(result), \(reason), \(caseNumber))
            """, logger: logger)
        return reason.map { OperationResult(seq: operation.seq, status: .rejected, reason: $0) }
            ?? OperationResult(seq: operation.seq, status: .applied, caseNumber: caseNumber)
    }
}
