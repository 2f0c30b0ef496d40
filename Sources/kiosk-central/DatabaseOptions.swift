// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Central
import Foundation
import Logging
import PostgresNIO

/// The options every command shares: the database, the data key and the log level.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: the PG* variables).")
    var databaseURL: String?

    @Option(name: .long, help: "The data key file (32 bytes, 0600), created on first start.")
    var dataKey = "/var/lib/kiosk-central/data.key"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    /// Bootstraps logging to standard error once and returns the command's logger.
    func logger() -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "kiosk-central")
    }

    /// The database address from the URL or the environment.
    func address() throws -> DatabaseAddress {
        do {
            return try databaseURL.map(DatabaseAddress.init(url:)) ?? DatabaseAddress()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Runs `body` with a migrated database's store (the pool runs meanwhile); a failure becomes a message on
    /// standard error and exit 1 (78 for a configuration or data-key problem).
    func withStore(_ body: @Sendable (CentralStore) async throws -> Void) async throws {
        let dataKey = dataKey
        try await withClient { client, logger in
            try await Migrator.migrate(client, logger: logger)
            try await body(try await CentralStore.open(client: client, dataKeyPath: dataKey, logger: logger))
        }
    }

    /// Runs `body` with a client of the database (the pool runs meanwhile) and the command's logger; a failure
    /// becomes a message on standard error and exit 1 (78 for a configuration or data-key problem).
    func withClient<Result: Sendable>(_ body: @Sendable (PostgresClient, Logger) async throws -> Result)
        async throws -> Result
    {
        let logger = logger()
        do {
            return try await address().withClient(logger: logger) { client in try await body(client, logger) }
        } catch let error as CentralError {
            FileHandle.standardError.write(Data("kiosk-central: \(error)\n".utf8))
            throw ExitCode([.configuration, .dataKey].contains(error.code) ? 78 : 1)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
