// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Dispatch
public import Logging

/// Prints raw ESC/POS jobs through cupsd and reads print queues' state, over IPP with libcups.
///
/// Threading: every libcups call runs on a serial `DispatchQueue` this client owns, never on Swift's
/// cooperative pool; callers suspend on a continuation. Each operation opens its own connection, and every
/// wait in it is bounded by ``Configuration/requestTimeout``: a cupsd that takes the connection and never
/// answers is a ``CUPSError/Code/timeout``, not a hang. Cancelling the calling task ends the wait within
/// 0.2 s.
public final class CUPSClient: Sendable {
    /// How to reach cupsd and how long to wait.
    ///
    /// - Configuration keys:
    ///   - `server` (String?, default `nil`): `host`, `host:port` or a socket path; `nil` uses what every CUPS
    ///     client uses (`CUPS_SERVER`, `~/.cups/client.conf`, `/etc/cups/client.conf`, the local socket).
    ///   - `connectTimeout` (Duration, default 3 s): the longest a connect may take.
    ///   - `requestTimeout` (Duration, default 10 s): the longest one operation may take, connect included.
    ///   - `pollInterval` (Duration, default 250 ms): how often ``follow(jobID:timeout:)`` asks for the state.
    public struct Configuration: Sendable {
        /// The server, or `nil` for libcups' default.
        public var server: String?
        /// The longest a connect may take.
        public var connectTimeout: Duration
        /// The longest one operation may take.
        public var requestTimeout: Duration
        /// How often a followed job's state is read.
        public var pollInterval: Duration

        /// Creates a configuration; see the type's keys for the defaults.
        public init(
            server: String? = nil, connectTimeout: Duration = .seconds(3), requestTimeout: Duration = .seconds(10),
            pollInterval: Duration = .milliseconds(250)
        ) {
            self.server = server
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.pollInterval = pollInterval
        }
    }

    /// A job cupsd accepted.
    public struct SubmittedJob: Sendable, Hashable {
        /// The job id.
        public let id: Int
        /// The queue it went to (the default destination's name when none was given).
        public let queue: String
    }

    /// The configuration.
    public let configuration: Configuration
    private let queue = DispatchQueue(label: "kioskd.cups.client")
    private let logger: Logger

    /// Creates a client; nothing connects until an operation is called.
    /// - Parameters:
    ///   - configuration: The server and the timeouts.
    ///   - logger: Where operations are logged (queue names and job ids only).
    public init(configuration: Configuration = Configuration(), logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Submits raw bytes (`application/vnd.cups-raw`) as one job.
    /// - Parameters:
    ///   - bytes: The ESC/POS bytes, passed to the backend unfiltered.
    ///   - queue: The queue name, or `nil` for CUPS's default destination.
    ///   - title: The job name cupsd shows (`lpstat`, logs); never personal data.
    /// - Returns: The job id and queue.
    /// - Throws: ``CUPSError`` (``CUPSError/Code/unreachable``, ``CUPSError/Code/timeout``,
    ///   ``CUPSError/Code/notFound``, ``CUPSError/Code/rejected``, ``CUPSError/Code/cancelled``).
    public func submit(_ bytes: [UInt8], to queue: String? = nil, title: String) async throws(CUPSError)
        -> SubmittedJob
    {
        let job = try await run { connection throws(CUPSError) in
            let name = try connection.resolve(queue)
            return SubmittedJob(id: try connection.printRaw(bytes, queue: name, title: title), queue: name)
        }
        logger.info("print job submitted", metadata: ["print.queue": "\(job.queue)", "print.job.id": "\(job.id)"])
        return job
    }

    /// The job's state now.
    /// - Parameter id: The job id.
    /// - Returns: The state and reasons.
    /// - Throws: ``CUPSError``; ``CUPSError/Code/notFound`` for an unknown job.
    public func jobStatus(id: Int) async throws(CUPSError) -> JobStatus {
        try await run { connection throws(CUPSError) in try connection.jobStatus(id: id) }
    }

    /// Cancels a job that has not printed, so that it never prints later (a ticket held for paper must not come
    /// out an hour after its holder gave up).
    /// - Parameter id: The job id.
    /// - Throws: ``CUPSError``; ``CUPSError/Code/rejected`` when the job already finished.
    public func cancel(jobID id: Int) async throws(CUPSError) {
        try await run { connection throws(CUPSError) in try connection.cancelJob(id: id) }
        logger.info("print job cancelled", metadata: ["print.job.id": "\(id)"])
    }

    /// Follows a job until it is at rest (``JobStatus/isAtRest``: completed, aborted, cancelled, held, or
    /// waiting for a stopped queue).
    /// - Parameters:
    ///   - id: The job id.
    ///   - timeout: The longest to follow it.
    /// - Returns: The job's status at rest.
    /// - Throws: ``CUPSError/Code/timeout`` when it is still moving at the deadline (the context names its
    ///   last state), or the error of a status read.
    public func follow(jobID id: Int, timeout: Duration) async throws(CUPSError) -> JobStatus {
        let deadline = ContinuousClock.now + timeout
        while true {
            let status = try await run(until: deadline) { connection throws(CUPSError) in
                try connection.jobStatus(id: id)
            }
            if status.isAtRest { return status }
            guard ContinuousClock.now + configuration.pollInterval < deadline else {
                throw CUPSError(.timeout, "job \(id) still \(status.state) after \(timeout)")
            }
            do {
                try await Task.sleep(for: configuration.pollInterval)
            } catch {
                throw CUPSError(.cancelled, "following job \(id)")
            }
        }
    }

    /// The queue's state in one word, with messages for staff; never throws, since "unreachable" and "not
    /// found" are states too.
    /// - Parameter queue: The queue, or `nil` for CUPS's default destination.
    /// - Returns: The status.
    public func printerStatus(queue: String? = nil) async -> PrinterStatus {
        do {
            return try await run { connection throws(CUPSError) in
                try connection.printerStatus(queue: connection.resolve(queue))
            }
        } catch where error.code == .notFound {
            return PrinterStatus(.notFound, queue: queue, detail: error.context)
        } catch {
            return PrinterStatus(.cupsdUnreachable, queue: queue, detail: error.description)
        }
    }

    /// Runs one operation on a fresh connection on the client's queue.
    private func run<T: Sendable>(
        until deadline: ContinuousClock.Instant? = nil,
        _ body: @escaping @Sendable (CUPSConnection) throws(CUPSError) -> T
    ) async throws(CUPSError) -> T {
        let limits = CUPSConnection.Limits(
            deadline: min(deadline ?? .now + configuration.requestTimeout, .now + configuration.requestTimeout))
        let configuration = self.configuration
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, CUPSError>, Never>) in
                queue.async {
                    continuation.resume(
                        returning: Result { () throws(CUPSError) -> T in
                            guard !limits.isCancelled else { throw CUPSError(.cancelled) }
                            let connection = try CUPSConnection(
                                server: configuration.server, connectTimeout: configuration.connectTimeout,
                                limits: limits)
                            return try body(connection)
                        })
                }
            }
        } onCancel: {
            limits.cancel()
        }
        return try result.get()
    }
}
