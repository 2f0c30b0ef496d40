// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import HummingbirdTLS
public import Logging
public import PostgresNIO

/// Where the central database is and who to log in as, from a `postgres://` URL or libpq's `PG…` variables.
///
/// - Configuration keys (environment, when no URL is given): `PGHOST` (string, default `127.0.0.1`; a value
///   starting with `/` is a unix-socket directory), `PGPORT` (int, 5432), `PGUSER` (string, `postgres`),
///   `PGPASSWORD` (string, none), `PGDATABASE` (string, the user's name).
/// Over TCP to a host other than loopback, TLS is required; loopback and unix sockets go without.
public struct DatabaseAddress: Sendable {
    /// The client configuration it becomes.
    public let configuration: PostgresClient.Configuration

    /// Reads a `postgres://user:password@host:port/database` URL.
    /// - Parameter url: The URL.
    /// - Throws: ``CentralError/Code/configuration`` for anything else.
    public init(url: String) throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
            let host = parts.host, !host.isEmpty
        else {
            throw CentralError(
                .configuration, "the database URL must look like postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        let database = String(parts.path.drop { $0 == "/" })
        self.init(
            host: host, port: parts.port ?? 5432, user: parts.user ?? "postgres", password: parts.password,
            database: database.isEmpty ? nil : database)
    }

    /// Reads libpq's variables.
    /// - Parameter environment: The variables (default: this process's).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(
            host: environment["PGHOST"] ?? "127.0.0.1", port: environment["PGPORT"].flatMap(Int.init) ?? 5432,
            user: environment["PGUSER"] ?? "postgres", password: environment["PGPASSWORD"],
            database: environment["PGDATABASE"])
    }

    private init(host: String, port: Int, user: String, password: String?, database: String?) {
        var configuration: PostgresClient.Configuration
        if host.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let loopback = ["127.0.0.1", "::1", "localhost"].contains(host)
            configuration = .init(
                host: host, port: port, username: user, password: password, database: database,
                tls: loopback ? .disable : .require(.makeClientConfiguration()))
        }
        configuration.options.maximumConnections = 20
        self.configuration = configuration
    }

    /// Runs `body` with a client of this database whose connection pool runs meanwhile, and stops the pool after.
    /// - Parameters:
    ///   - logger: The pool's background logger.
    ///   - body: The work.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func withClient<Result: Sendable>(
        logger: Logger, _ body: @Sendable (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await client.whileRunning { try await body(client) }
    }
}
