// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresNIO

extension CentralStore {
    /// Runs `body` in one transaction (committed when it returns, rolled back when it throws) on a connection
    /// leased within ``connectionWait``, and rethrows the body's own error rather than the driver's wrapper.
    /// - Throws: What `body` throws as ``SyncAPIError`` or ``CentralError``;
    ///   ``CentralError/Code/databaseUnavailable`` when no connection came or it was lost;
    ///   ``CentralError/Code/database`` for any other failure.
    func transaction<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result)
        async throws -> Result
    {
        let logger = logger
        do {
            return try await client.withConnection(waitingAtMost: connectionWait) { connection in
                try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
            }
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError, inner is SyncAPIError || inner is CentralError { throw inner }
            throw CentralError(databaseFailure: error, "a transaction failed and was rolled back")
        }
    }

    /// Runs `body` on a connection leased within ``connectionWait``, outside a transaction.
    /// - Throws: ``CentralError/Code/databaseUnavailable`` when no connection came or it was lost;
    ///   ``CentralError/Code/database`` for any other failure of a statement.
    func withConnection<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result)
        async throws -> Result
    {
        do {
            return try await client.withConnection(waitingAtMost: connectionWait, body)
        } catch let error as CentralError {
            throw error
        } catch {
            throw CentralError(databaseFailure: error, "a query failed")
        }
    }

    /// Takes a transaction-scoped advisory lock on one change stream (of a point, or the catalogue), before a
    /// change id is drawn from `change_seq`: changes of one stream then commit in id order, so a pull that read
    /// up to an id never misses a smaller one committed later.
    func lockStream(_ stream: String, point: String, _ connection: PostgresConnection) async throws {
        let key = Self.streamLockKey(stream, point: point)
        try await connection.query("SELECT pg_advisory_xact_lock(2, hashtext(\(key)))", logger: logger)
    }

    /// The text whose hash keys a stream's advisory lock (class 2).
    static func streamLockKey(_ stream: String, point: String) -> String { "\(stream)/\(point)" }

    /// Appends a row to the audit log: who, which point, what, the outcome and the counts; no personal data.
    func audit(
        _ connection: PostgresConnection, device: AuthenticatedDevice?, point: String? = nil, action: String,
        stream: String? = nil, outcome: String, counts: AuditCounts = AuditCounts()
    ) async throws {
        try await connection.query(
            """
            INSERT INTO audit_log (device_id, point_id, action, stream, outcome, operations, applied, duplicates, rejected, changes)
            VALUES (\(device?.deviceID), \(device?.pointID ?? point), \(action), \(stream), \(outcome), \(counts.operations),
                    \(counts.applied), \(counts.duplicates), \(counts.rejected), \(counts.changes))
            """, logger: logger)
    }
}

/// The numbers an audit row records.
struct AuditCounts: Sendable {
    var operations = 0
    var applied = 0
    var duplicates = 0
    var rejected = 0
    var changes = 0
}
