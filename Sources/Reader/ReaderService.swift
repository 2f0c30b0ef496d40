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
    ///   - `session` (``ReaderSession/Configuration``): timeouts and retries of each read.
    public struct Configuration: Sendable, Hashable {
        /// The pause between reads.
        public var pollInterval: Duration
        /// The pause before reopening the reader.
        public var reconnectInterval: Duration
        /// Consecutive "no card" answers that confirm a removal.
        public var removalConfirmations: Int
        /// Timeouts and retries of each read.
        public var session: ReaderSession.Configuration

        /// Creates settings; see the type's documentation for the defaults.
        /// - Parameters:
        ///   - pollInterval: The pause between reads.
        ///   - reconnectInterval: The pause before reopening the reader.
        ///   - removalConfirmations: "No card" answers that confirm a removal.
        ///   - session: Timeouts and retries of each read.
        public init(
            pollInterval: Duration = .seconds(1),
            reconnectInterval: Duration = .seconds(2),
            removalConfirmations: Int = 2,
            session: ReaderSession.Configuration = .init()
        ) {
            self.pollInterval = pollInterval
            self.reconnectInterval = reconnectInterval
            self.removalConfirmations = removalConfirmations
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
    private func poll(_ transport: any ReaderTransport) async {
        let session = ReaderSession(transport: transport, configuration: configuration.session, logger: logger)
        var presence = CardPresence(removalConfirmations: configuration.removalConfirmations)
        do {
            try await session.checkSAM()
        } catch let error as ReaderError {
            if emit(presence.handle(.failed(error)), device: transport.name) { return }
        } catch {}
        while !Task.isCancelled {
            if emit(presence.handle(await session.readCard()), device: transport.name) { return }
            guard (try? await clock.sleep(for: configuration.pollInterval)) != nil else { return }
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
