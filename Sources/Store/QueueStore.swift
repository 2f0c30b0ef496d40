// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
public import GRDB
import Queue

/// The hall's durable state: tickets, windows and the append-only event log, in one SQLite file.
///
/// The file is opened in WAL mode with `synchronous=FULL`, so a committed change survives `kill -9`
/// and power loss. ``apply(_:)`` writes one operation's ``QueueChange`` (rows and events) in one
/// transaction; ``snapshot()`` reads back what the engine needs to resume.
public struct QueueStore: Sendable {
    /// The database connection (a pool on disk, a queue in memory).
    public let writer: any DatabaseWriter

    /// Opens (creating if needed) the store at `path`, creating missing parent directories, and migrates it.
    /// - Throws: ``StoreError`` when the file cannot be opened or migrated.
    public init(path: String) throws(StoreError) {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            self.writer = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw StoreError(.cannotOpen, "cannot open the store at \(path)", underlying: error)
        }
        try migrate()
    }

    /// A private in-memory store, for tests and simulations.
    public static func inMemory() throws(StoreError) -> QueueStore {
        do {
            return try QueueStore(writer: DatabaseQueue(configuration: configuration()))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.cannotOpen, "cannot open an in-memory store", underlying: error)
        }
    }

    init(writer: any DatabaseWriter) throws(StoreError) {
        self.writer = writer
        try migrate()
    }

    /// Durability settings shared by every connection: full fsync on commit, foreign keys,
    /// and statement arguments kept out of error messages (they may carry personal data).
    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.publicStatementArguments = false
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    private func migrate() throws(StoreError) {
        do {
            try Self.migrator.migrate(writer)
            if try writer.read({ try Self.migrator.hasBeenSuperseded($0) }) {
                throw StoreError(.newerSchema, "the store was written by a newer kioskd; refusing to downgrade")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.migrationFailed, "cannot migrate the store", underlying: error)
        }
    }
}
