// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
public import Logging
import PersonalData
public import PostgresNIO

/// The central server's data in PostgreSQL: enrolment, devices, the push ledger, cases, the pull streams and the
/// audit log. Every multi-statement write is one transaction; personal data is sealed with the server's
/// ``DataKey`` before it reaches a query, and no query argument is ever logged.
public struct CentralStore: Sendable {
    /// The running client.
    let client: PostgresClient
    /// The server's data key: seals applicants and hashes ID numbers.
    let dataKey: DataKey
    /// The logger of queries and of the store's notes.
    let logger: Logger

    /// The server's epoch, a random id made by the first migration: part of every cursor, so a cursor from
    /// another database (re-created, or restored over) forces a resync.
    let epoch: String

    /// The longest a request waits for a pooled connection before the database counts as unavailable
    /// (default 5 s).
    public var connectionWait: Duration = .seconds(5)

    /// Opens the store on a migrated database: reads the epoch, opens the data key (creating it, 0600, when the
    /// database has no data sealed yet) and records its fingerprint.
    /// - Parameters:
    ///   - client: A running client of a database brought current by ``Migrator``.
    ///   - dataKeyPath: The data key file, e.g. `/var/lib/kiosk-central/data.key`.
    ///   - logger: The logger of queries and notes.
    /// - Returns: The store.
    /// - Throws: ``CentralError/Code/dataKey`` when the key is missing, exposed or not the one the data was sealed
    ///   with; ``CentralError/Code/database`` when the settings cannot be read.
    public static func open(client: PostgresClient, dataKeyPath: String, logger: Logger) async throws -> CentralStore {
        let settings = try await readSettings(client: client, logger: logger)
        guard let epoch = settings["epoch"] else {
            throw CentralError(.database, "the database has no epoch: run kiosk-central migrate first")
        }
        let recorded = settings["data_key_fingerprint"]
        let key: DataKey
        do {
            (key, _) = try DataKey.openOrCreate(at: dataKeyPath, recordedFingerprint: recorded)
        } catch {
            throw CentralError(.dataKey, error.message, underlying: error)
        }
        if recorded == nil {
            try await client.query(
                """
                INSERT INTO server_settings (name, value) VALUES ('data_key_fingerprint', \(key.fingerprint))
                ON CONFLICT (name) DO NOTHING
                """, logger: logger)
            let now = try await readSettings(client: client, logger: logger)["data_key_fingerprint"]
            guard now == key.fingerprint else {
                throw CentralError(
                    .dataKey, "another data key was recorded at the same time; restart with that key file")
            }
        }
        logger.info("Data key opened", metadata: [LogKey.fingerprint.rawValue: "\(key.fingerprint)"])
        return CentralStore(client: client, dataKey: key, logger: logger, epoch: epoch)
    }

    /// The `server_settings` rows.
    private static func readSettings(client: PostgresClient, logger: Logger) async throws -> [String: String] {
        var settings: [String: String] = [:]
        for try await (name, value) in try await client.query("SELECT name, value FROM server_settings", logger: logger)
            .decode((String, String).self)
        {
            settings[name] = value
        }
        return settings
    }
}

extension PostgresRowSequence {
    /// The first row's only column as `T`, or `nil` when there is no row.
    func firstValue<T: PostgresDecodable>(_ type: T.Type) async throws -> T? {
        for try await row in self { return try row.decode(T.self) }
        return nil
    }

    /// The first row decoded as a tuple, or `nil` when there is no row.
    func firstRow<each Column: PostgresDecodable>(_ type: (repeat each Column).Type) async throws -> (
        repeat each Column
    )? {
        for try await row in self { return try row.decode(type) }
        return nil
    }
}
