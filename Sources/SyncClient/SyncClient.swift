// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import Logging
import AsyncHTTPClient
public import ServiceLifecycle
public import SyncProtocol

/// The kiosk's sync with the central server: pushes the outbox in bounded, gzip-compressed, signed batches and
/// pulls the catalogue, bookings and case-status streams into the kiosk's store.
///
/// `run()` owns the loop and the one `HTTPClient`: each round pushes until the outbox is drained, then pulls every
/// stream until it has no more, then reports the outbox's backlog to the server (so an operator sees a point
/// that is online but behind). After a good round it waits for ``Configuration/interval``; after a failure it
/// waits an exponential backoff with full jitter (``Backoff``), after the server's `Retry-After` when it sent one. ``notifyLocalWrite()`` and
/// ``notifyReachabilityChange()`` end either wait early, so a new case never waits for the timer. An outbox row
/// is marked acknowledged only from the server's `acked_through_seq`, never because a request was sent.
///
/// Cancelling `run()` (or a graceful shutdown) stops it promptly: the wait or the request in flight is cancelled
/// and the HTTP client shut down. A 401 stops it with ``SyncClientError/Code/deviceRevoked``: the device must be
/// enrolled again; add the service to a `ServiceGroup` with `failureTerminationBehavior: .ignore` so the kiosk keeps
/// working offline.
public actor SyncClient: Service {
    /// The client's settings.
    ///
    /// - Configuration keys:
    ///   - `server` (`URL`): the central server's base URL; `https`, or `http` on loopback only.
    ///   - `batchOperations` (`Int`, default 200): the most operations in one push.
    ///   - `batchBytes` (`Int`, default 1,000,000): the budget of one push's JSON before compression.
    ///   - `requestTimeout` (`Duration`, default 30 s): connect and whole-request timeout.
    ///   - `interval` (`Duration`, default 60 s): the wait between rounds when all is well.
    ///   - `backoff` (``Backoff/Configuration``, default 1 s base, 5 min cap): the wait after failures.
    ///   - `streams` (`[PullStream]`, default all three): the streams pulled each round.
    ///   - `softwareVersion` (`String`, default `unknown`): the kiosk's version, in its reports to the server.
    public struct Configuration: Sendable {
        /// The central server's base URL.
        public var server: URL
        /// The most operations in one push.
        public var batchOperations = 200
        /// The budget of one push's JSON body before compression, in bytes.
        public var batchBytes = 1_000_000
        /// The connect and whole-request timeout.
        public var requestTimeout: Duration = .seconds(30)
        /// The wait between rounds when all is well.
        public var interval: Duration = .seconds(60)
        /// The wait after failures.
        public var backoff = Backoff.Configuration()
        /// The streams pulled each round.
        public var streams: [PullStream] = PullStream.allCases
        /// The kiosk's version, in its reports to the server.
        public var softwareVersion = "unknown"

        /// Creates settings with the defaults.
        /// - Parameter server: The central server's base URL.
        public init(server: URL) {
            self.server = server
        }
    }

    let configuration: Configuration
    let identity: DeviceIdentity
    let outbox: any SyncOutbox
    let inbox: any SyncInbox
    let clock: any Clock<Duration>
    let jitter: @Sendable () -> Double
    var logger: Logger
    private let wake = WakeSignal()
    private var backoff: Backoff
    private var stoppedByRevocation = false

    /// Creates a client; nothing is sent until ``run()``.
    /// - Parameters:
    ///   - configuration: The settings.
    ///   - identity: The device identity from enrolment.
    ///   - outbox: The kiosk's outbox.
    ///   - inbox: Where pulled changes go.
    ///   - clock: The clock of the waits (a test clock in tests).
    ///   - jitter: Uniform random numbers in `0...1` for the backoff (pinned in tests).
    ///   - logger: The logger; messages carry ids, sequences, counts and statuses only.
    /// - Throws: ``SyncClientError/Code/insecureServer`` for a plain-http server off loopback.
    public init(
        configuration: Configuration, identity: DeviceIdentity, outbox: any SyncOutbox, inbox: any SyncInbox,
        clock: any Clock<Duration> = ContinuousClock(), jitter: @escaping @Sendable () -> Double = { .random(in: 0...1) },
        logger: Logger
    ) throws(SyncClientError) {
        try SyncTransport.check(configuration.server)
        self.configuration = configuration
        self.identity = identity
        self.outbox = outbox
        self.inbox = inbox
        self.clock = clock
        self.jitter = jitter
        self.logger = logger
        self.logger[metadataKey: LogKey.device.rawValue] = .string(identity.deviceID)
        backoff = Backoff(configuration: configuration.backoff)
    }

    /// Runs sync rounds until cancelled, a graceful shutdown, or a 401.
    /// - Throws: ``SyncClientError`` with ``SyncClientError/Code/deviceRevoked`` after a 401.
    public func run() async throws {
        let http = SyncTransport.makeHTTPClient(timeout: configuration.requestTimeout)
        let transport = SyncTransport(http: http, server: configuration.server, timeout: configuration.requestTimeout)
        let outcome: Result<Void, any Error>
        do {
            try await cancelWhenGracefulShutdown { try await self.runRounds(over: transport) }
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        try? await http.shutdown()
        try outcome.get()
    }

    /// Wakes the loop because the kiosk committed a new outbox operation.
    public nonisolated func notifyLocalWrite() {
        wake.signal()
    }

    /// Wakes the loop because the network came back (an interface up, a route, a DNS change).
    public nonisolated func notifyReachabilityChange() {
        wake.signal()
    }

    /// Where sync stands, for the agent's screen.
    /// - Parameter now: The time ages are measured to.
    /// - Returns: Pending count and age, the last error and success, and whether the client stopped.
    /// - Throws: The outbox's error.
    public func status(now: Date = Date()) async throws -> SyncStatus {
        let outboxStatus = try await outbox.status()
        return SyncStatus(
            outbox: outboxStatus, now: now, consecutiveFailures: backoff.failures, stopped: stoppedByRevocation)
    }

    private func runRounds(over transport: SyncTransport) async throws {
        while !Task.isCancelled {
            let wait: Duration
            do {
                try await pushPending(over: transport)
                for stream in configuration.streams { try await pull(stream, over: transport) }
                backoff.reset()
                try? await outbox.recordSuccess(at: Date())
                await report(over: transport)
                wait = configuration.interval
            } catch {
                if Task.isCancelled { return }
                let failure = Self.failure(from: error)
                try? await outbox.recordFailure(failure.description, at: Date())
                if failure.code == .deviceRevoked {
                    stoppedByRevocation = true
                    logger.info("sync stopped: device revoked or not enrolled", metadata: [LogKey.error.rawValue: "\(failure.code)"])
                    throw failure
                }
                if failure.code == .unexpectedAnswer { await report(over: transport) }
                // A server shedding load says when to come back; the jittered backoff is added on top, so
                // devices it refused together do not come back together.
                wait = (failure.retryAfter ?? .zero) + backoff.nextDelay(jitter: jitter())
                logger.info(
                    "sync round failed; backing off",
                    metadata: [
                        LogKey.error.rawValue: "\(failure.description)", LogKey.delay.rawValue: "\(wait.milliseconds)",
                        LogKey.failures.rawValue: "\(backoff.failures)",
                    ])
            }
            await wake.wait(upTo: wait, on: clock)
        }
    }

    private static func failure(from error: any Error) -> SyncClientError {
        if let error = error as? SyncClientError { return error }
        return SyncClientError(.store, "the kiosk's store failed", underlying: error)
    }
}
