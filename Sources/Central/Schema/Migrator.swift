// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Logging
public import PostgresNIO

/// Brings a database to the current schema: each pending ``Migration`` in its own transaction, recorded in
/// `schema_migrations`. Starting twice, or two servers at once, is harmless: an advisory lock serialises them
/// and an applied version is skipped.
public enum Migrator {
    /// The advisory lock key of migrations (any constant no other lock uses).
    private static let lockKey: Int64 = 0x6B69_6F73_6B6D_6967

    /// The newest schema version this build knows.
    public static var currentVersion: Int64 { Migration.all.last?.version ?? 0 }

    /// Applies every pending migration.
    /// - Parameters:
    ///   - client: A running client.
    ///   - logger: Where each applied version is noted.
    ///   - connectionWait: The longest wait for the first connection (default 5 s).
    /// - Returns: The versions applied now (empty when the schema was current).
    /// - Throws: ``CentralError/Code/databaseUnavailable`` when no connection came within `connectionWait`;
    ///   ``CentralError/Code/database`` when a statement fails (that migration is rolled back), or
    ///   ``CentralError/Code/configuration`` when the database holds a newer schema than this build.
    @discardableResult
    public static func migrate(
        _ client: PostgresClient, logger: Logger, connectionWait: Duration = .seconds(5)
    ) async throws -> [Int64] {
        do {
            try await client.withConnection(waitingAtMost: connectionWait) { connection in
                _ = try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version bigint PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
            }
        } catch let error as CentralError where error.code == .databaseUnavailable {
            throw CentralError(
                .databaseUnavailable,
                "the database is unreachable (no connection within \(connectionWait)): check the address and that "
                    + "PostgreSQL runs", underlying: error)
        } catch {
            throw CentralError(.database, "cannot create schema_migrations", underlying: error)
        }
        var applied: [Int64] = []
        for migration in Migration.all where try await apply(migration, client: client, logger: logger) {
            applied.append(migration.version)
            logger.info("Applied migration", metadata: [LogKey.migration.rawValue: "\(migration.version)"])
        }
        return applied
    }

    /// The versions recorded in `schema_migrations`, ascending.
    /// - Parameters:
    ///   - client: A running client.
    ///   - logger: The query's logger.
    /// - Returns: The versions.
    /// - Throws: When the table cannot be read.
    public static func appliedVersions(_ client: PostgresClient, logger: Logger) async throws -> [Int64] {
        var versions: [Int64] = []
        for try await version in try await client.query(
            "SELECT version FROM schema_migrations ORDER BY version", logger: logger
        )
        .decode(Int64.self) {
            versions.append(version)
        }
        return versions
    }

    /// Runs one migration unless it was applied; returns whether it ran.
    private static func apply(_ migration: Migration, client: PostgresClient, logger: Logger) async throws -> Bool {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
                let newest =
                    try await connection.query("SELECT max(version) FROM schema_migrations", logger: logger)
                    .firstValue(Int64?.self) ?? nil
                if let newest, newest > currentVersion {
                    throw CentralError(
                        .configuration,
                        "the database has schema version \(newest), newer than this kiosk-central (\(currentVersion)); "
                            + "install the newer kiosk-central")
                }
                let done = try await connection.query(
                    "SELECT 1 FROM schema_migrations WHERE version = \(migration.version)", logger: logger
                ).firstValue(Int.self)
                guard done == nil else { return false }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
                return true
            }
        } catch let error as PostgresTransactionError {
            if let central = error.closureError as? CentralError { throw central }
            throw CentralError(
                .database, "migration \(migration.version) (\(migration.name)) failed and was rolled back",
                underlying: error)
        }
    }
}
