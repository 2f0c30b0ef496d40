// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Hummingbird
import HummingbirdCore
public import HummingbirdTLS
public import Logging
public import NIOCore

/// The central sync server: the sync routes over HTTP/1.1, with TLS unless it listens on loopback only.
public enum CentralServer {
    /// Where and how to listen.
    ///
    /// - Configuration keys: `host` (string, default `127.0.0.1`), `port` (int, 8443; 0 picks a free one),
    ///   `tls` (`TLSConfiguration?`, none; required unless `host` is a loopback address), `pushAdmission`
    ///   (``PushAdmission``, at most 64 pushes at once, `Retry-After: 1` above that), `requestDeadline`
    ///   (`Duration`, 15 s: the longest a request is handled before it is answered 503), `connectionWait`
    ///   (`Duration`, 5 s: the longest a request waits for a pooled database connection), `databaseRetryAfter`
    ///   (`Duration`, 5 s: the `Retry-After` of a 503 when the database is unavailable).
    public struct Configuration: Sendable {
        /// The address to bind.
        public var host: String = "127.0.0.1"
        /// The port.
        public var port: Int = 8443
        /// The server certificate and key; `nil` for plain HTTP on loopback.
        public var tls: TLSConfiguration?
        /// How many pushes are handled at once, and what a refused one is told.
        public var pushAdmission = PushAdmission()
        /// The longest a request is handled; past it the request is answered 503 `database_unavailable`.
        public var requestDeadline: Duration = .seconds(15)
        /// The longest a request waits for a pooled database connection before it is answered 503.
        public var connectionWait: Duration = .seconds(5)
        /// The wait a 503 for an unavailable database asks for, sent as `Retry-After` in whole seconds.
        public var databaseRetryAfter: Duration = .seconds(5)

        /// Creates a configuration with the defaults.
        public init() {}

        /// Whether ``host`` is a loopback address.
        public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }
    }

    /// Builds the application (routes, error middleware, request logging); run it with `runService()` or in a
    /// `ServiceGroup` beside the store's `PostgresClient`.
    /// - Parameters:
    ///   - store: The opened store.
    ///   - configuration: Where and how to listen.
    ///   - logger: The server's logger (requests and refusals, ids only).
    ///   - onServerRunning: Called with the channel once the server listens (the port, when 0 was asked).
    /// - Returns: The application.
    /// - Throws: ``CentralError/Code/configuration`` when TLS is missing for a non-loopback address.
    public static func makeApplication(
        store: CentralStore, configuration: Configuration, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let router = Router(context: CentralRequestContext.self)
        router.add(
            middleware: SyncErrorMiddleware(databaseRetryAfter: configuration.databaseRetryAfter.retryAfterHeader))
        var store = store
        store.connectionWait = configuration.connectionWait
        SyncRoutes(
            store: store, pushAdmission: configuration.pushAdmission,
            deadline: RequestDeadline(limit: configuration.requestDeadline)
        ).register(on: router)
        let server: HTTPServerBuilder
        if let tls = configuration.tls {
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else if configuration.isLoopback {
            server = .http1()
        } else {
            throw CentralError(
                .configuration,
                "listening on \(configuration.host) needs --tls-cert and --tls-key (plain HTTP only on loopback)")
        }
        return Application(
            router: router, server: server,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "kiosk-central"),
            onServerRunning: onServerRunning, logger: logger)
    }
}
