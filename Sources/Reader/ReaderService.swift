// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
public import Logging

/// Polls one reader and reports what happens on ``events``.
///
/// ``run()`` owns the reader: it opens the link with the `open` closure, checks the SAM, then runs a
/// ``ReaderSession`` read every ``Configuration/pollInterval`` and turns the outcomes into events (a card left
/// on the reader is reported once; see ``ReaderEvent``). When the link is lost it reports
/// ``ReaderEvent/disconnected(_:)`` and tries to reopen it every ``Configuration/reconnectInterval``.
/// Cancelling the task that runs ``run()`` closes the link, finishes ``events`` and returns.
///
/// Call ``run()`` once. Logging is at debug and info level, with `reader.*` metadata and masked card
/// numbers only.
public final class ReaderService<C: Clock>: Sendable where C.Duration == Duration {
    /// Polling and reconnection settings.
    ///
    /// - Configuration keys:
    ///   - `pollInterval` (Duration, default 1 s): the pause between reads; hev-idcard-reader polls find
    ///     card every 1000 ms (research notes §6).
    ///   - `reconnectInterval` (Duration, default 2 s): the pause before reopening a lost or missing reader.
    ///   - `removalConfirmations` (Int, default 2): consecutive "no card" answers that confirm a removal.
    ///   - `samRecheckInterval` (Duration, default 10 s): while the SAM reports a fault that needs a
    ///     technician (self-test failed, not authorised), the service stops polling for cards and asks the SAM
    ///     for its status this often; when it answers well again, the reader is reported connected again.
    ///   - `session` (``ReaderSession/Configuration``): timeouts and retries of each read.
    public struct Configuration: Sendable, Hashable {
        /// The pause between reads.
        public var pollInterval: Duration
        /// The pause before reopening the reader.
        public var reconnectInterval: Duration
        /// Consecutive "no card" answers that confirm a removal.
        public var removalConfirmations: Int
        /// How often a faulty SAM is asked for its status again.
        public var samRecheckInterval: Duration
        /// Timeouts and retries of each read.
        public var session: ReaderSession.Configuration

        /// Creates settings; see the type's documentation for the defaults.
        /// - Parameters:
        ///   - pollInterval: The pause between reads.
        ///   - reconnectInterval: The pause before reopening the reader.
        ///   - removalConfirmations: "No card" answers that confirm a removal.
        ///   - samRecheckInterval: How often a faulty SAM is asked for its status again.
        ///   - session: Timeouts and retries of each read.
        public init(
            pollInterval: Duration = .seconds(1),
            reconnectInterval: Duration = .seconds(2),
            removalConfirmations: Int = 2,
            samRecheckInterval: Duration = .seconds(10),
            session: ReaderSession.Configuration = .init()
        ) {
            self.pollInterval = pollInterval
            self.reconnectInterval = reconnectInterval
            self.removalConfirmations = removalConfirmations
            self.samRecheckInterval = samRecheckInterval
            self.session = session
        }
    }

    /// The events, in order; finished when ``run()`` returns. Keeps the newest 64 if nobody reads.
    public let events: AsyncStream<ReaderEvent>
    /// The settings.
    public let configuration: Configuration
    private let continuation: AsyncStream<ReaderEvent>.Continuation
    private let open: @Sendable () async throws -> any ReaderTransport
    private let clock: C
    private let logger: Logger

    /// Creates the service; nothing happens until ``run()``.
    /// - Parameters:
    ///   - configuration: Polling, reconnection and session settings.
    ///   - clock: The clock for the pauses.
    ///   - logger: The logger.
    ///   - open: Opens the reader's link, e.g. `{ try await SerialTransport(path: "/dev/ttyUSB0") }`.
    public init(
        configuration: Configuration = .init(),
        clock: C,
        logger: Logger,
        open: @escaping @Sendable () async throws -> any ReaderTransport
    ) {
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        self.open = open
    }

    /// Polls the reader until the task is cancelled, then closes it and finishes ``events``.
    public func run() async {
        defer { continuation.finish() }
        var reportedOpenFailure = false
        while !Task.isCancelled {
            let transport: any ReaderTransport
            do {
                transport = try await open()
            } catch {
                let readerError = error as? ReaderError ?? ReaderError(.openFailed, "open", underlying: nil)
                logger.debug("Reader not opened", metadata: [LogKey.error.rawValue: "\(readerError)"])
                if !reportedOpenFailure, readerError.code != .cancelled {
                    reportedOpenFailure = true
                    continuation.yield(.readerError(readerError))
                }
                guard (try? await clock.sleep(for: configuration.reconnectInterval)) != nil else { return }
                continue
            }
            reportedOpenFailure = false
            logger.info("Reader connected", metadata: [LogKey.device.rawValue: "\(transport.name)"])
            continuation.yield(.connected(device: transport.name))
            await poll(transport)
            await transport.close()
            guard !Task.isCancelled, (try? await clock.sleep(for: configuration.reconnectInterval)) != nil else {
                return
            }
        }
    }

    /// Reads until the link is lost or the task is cancelled.
    ///
    /// The SAM is checked first. A SAM fault that needs a technician — at the start or in the answer to any
    /// read — is reported once, and from then on only the SAM's status is asked, every
    /// `samRecheckInterval`, instead of polling for cards; when it is well again, ``ReaderEvent/connected(device:)``
    /// says the reader is ready once more.
    private func poll(_ transport: any ReaderTransport) async {
        let session = ReaderSession(transport: transport, configuration: configuration.session, logger: logger)
        var presence = CardPresence(removalConfirmations: configuration.removalConfirmations)
        var checksSAM = true
        var samFaulted = false
        while !Task.isCancelled {
            if checksSAM {
                do {
                    try await session.checkSAM()
                    checksSAM = false
                    if samFaulted {
                        samFaulted = false
                        logger.notice("SAM answers well again", metadata: [LogKey.device.rawValue: "\(transport.name)"])
                        continuation.yield(.connected(device: transport.name))
                    }
                } catch {
                    let readerError = error as? ReaderError ?? ReaderError(.ioFailed, "SAM status", underlying: nil)
                    if emit(presence.handle(.failed(readerError)), device: transport.name) { return }
                    checksSAM = readerError.code == .needsTechnician
                    samFaulted = samFaulted || checksSAM
                }
            }
            if !checksSAM {
                let outcome = await session.readCard()
                if emit(presence.handle(outcome), device: transport.name) { return }
                if case .failed(let error) = outcome, error.code == .needsTechnician {
                    checksSAM = true
                    samFaulted = true
                }
            }
            let pause = checksSAM ? configuration.samRecheckInterval : configuration.pollInterval
            guard (try? await clock.sleep(for: pause)) != nil else { return }
        }
    }

    /// Yields and logs events; true when the link was lost.
    private func emit(_ events: [ReaderEvent], device: String) -> Bool {
        var lost = false
        for event in events {
            var metadata: Logger.Metadata = [LogKey.device.rawValue: "\(device)"]
            switch event {
            case .cardRead(let reading):
                metadata[LogKey.cardType.rawValue] = "\(reading.read.identity.cardType)"
                metadata[LogKey.maskedNumber.rawValue] = "\(reading.read.identity.maskedNumber)"
                logger.info("Card read", metadata: metadata)
            case .cardRemoved:
                logger.info("Card removed", metadata: metadata)
            case .readerError(let error):
                metadata[LogKey.error.rawValue] = "\(error)"
                logger.info("Reader error", metadata: metadata)
            case .disconnected(let error):
                metadata[LogKey.error.rawValue] = "\(error)"
                logger.info("Reader disconnected", metadata: metadata)
                lost = true
            case .connected:
                break
            }
            continuation.yield(event)
        }
        return lost
    }
}

extension ReaderService where C == ContinuousClock {
    /// Creates the service on the continuous clock.
    /// - Parameters:
    ///   - configuration: Polling, reconnection and session settings.
    ///   - logger: The logger.
    ///   - open: Opens the reader's link.
    public convenience init(
        configuration: Configuration = .init(),
        logger: Logger,
        open: @escaping @Sendable () async throws -> any ReaderTransport
    ) {
        self.init(configuration: configuration, clock: ContinuousClock(), logger: logger, open: open)
    }
}
