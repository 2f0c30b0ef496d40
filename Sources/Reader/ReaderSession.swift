// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
public import Logging

/// One reader's protocol session: find → select → read text and photo, every time, with a timeout per step
/// and bounded retries.
///
/// Each command starts clean: stale input is drained and a new ``FrameDecoder`` resynchronises on the
/// preamble, so garbage or the late answer of a slow SAM never mixes into the next answer. A read ends in an
/// ``Outcome``: no card, a complete ``CardRead``, or a ``ReaderError`` — never a partial identity.
///
/// How failures map:
/// - no answer within the step's timeout, on every attempt → ``ReaderError/Code/timeout``;
/// - a bad checksum, an impossible length or a frame cut short, on every attempt → ``ReaderError/Code/badFrame``;
/// - the read failed (status `41`, a cut-short or missing answer) and a find right after says no card →
///   ``ReaderError/Code/cardRemoved``;
/// - a status classified ``CardStatus/Classification/callTechnician`` (self-test failed `60`, not
///   authorised `66`, …) → ``ReaderError/Code/needsTechnician``, at once;
/// - a status classified ``CardStatus/Classification/cardError`` → ``ReaderError/Code/cardRejected``;
/// - text that does not decode → ``ReaderError/Code/unreadableCard``;
/// - a closed or unplugged link → ``ReaderError/Code/disconnected``.
///
/// The session is an actor: one exchange at a time on its transport.
public actor ReaderSession {
    /// Timeouts and retries of a session.
    ///
    /// - Configuration keys:
    ///   - `findTimeout` (Duration, default 800 ms): the wait for the answer to find card; HxJ10A waits
    ///     800 ms (research notes §6).
    ///   - `selectTimeout` (Duration, default 500 ms): select card; drivers wait 200–300 ms, the rest is
    ///     margin for USB-serial bridges' latency.
    ///   - `readTimeout` (Duration, default 2 s): read text and photo; drivers wait 1000–1100 ms, THID 2000 ms.
    ///     The 1,295 bytes alone take about 112 ms at 115200 baud.
    ///   - `statusTimeout` (Duration, default 3 s): SAM status; HslCommunication's serial default.
    ///   - `writeTimeout` (Duration, default 500 ms): how long the line may refuse a command's bytes.
    ///   - `maximumAttempts` (Int, default 3): attempts of the whole find → select → read sequence after a
    ///     timeout, a bad frame or a transient status; at least 1.
    ///   - `readsFingerprint` (Bool, default false): read with `30 10` (text, photo and fingerprint templates)
    ///     instead of `30 01`; about 1 KiB more on the line.
    ///   - `readsAdditionalAddress` (Bool, default false): after the read, find → select → `30 03` for the
    ///     newest 追加住址 (status `91` means the card has none). It is part of the read: if it fails, the whole
    ///     read fails and is retried, so a reading never lacks an address the card holds.
    public struct Configuration: Sendable, Hashable {
        /// The wait for the answer to find card.
        public var findTimeout: Duration
        /// The wait for the answer to select card.
        public var selectTimeout: Duration
        /// The wait for the whole answer to read text and photo.
        public var readTimeout: Duration
        /// The wait for the answer to SAM status.
        public var statusTimeout: Duration
        /// How long the line may refuse a command's bytes.
        public var writeTimeout: Duration
        /// Attempts of the find → select → read sequence; at least 1.
        public var maximumAttempts: Int
        /// Whether reads ask for the fingerprint templates too.
        public var readsFingerprint: Bool
        /// Whether reads fetch the newest additional address.
        public var readsAdditionalAddress: Bool

        /// Creates a configuration; see the type's documentation for the defaults.
        /// - Parameters:
        ///   - findTimeout: The wait for find card.
        ///   - selectTimeout: The wait for select card.
        ///   - readTimeout: The wait for read text and photo.
        ///   - statusTimeout: The wait for SAM status.
        ///   - writeTimeout: How long the line may refuse bytes.
        ///   - maximumAttempts: Attempts of the sequence.
        ///   - readsFingerprint: Whether to read fingerprint templates.
        ///   - readsAdditionalAddress: Whether to read the additional address.
        public init(
            findTimeout: Duration = .milliseconds(800),
            selectTimeout: Duration = .milliseconds(500),
            readTimeout: Duration = .seconds(2),
            statusTimeout: Duration = .seconds(3),
            writeTimeout: Duration = .milliseconds(500),
            maximumAttempts: Int = 3,
            readsFingerprint: Bool = false,
            readsAdditionalAddress: Bool = false
        ) {
            self.findTimeout = findTimeout
            self.selectTimeout = selectTimeout
            self.readTimeout = readTimeout
            self.statusTimeout = statusTimeout
            self.writeTimeout = writeTimeout
            self.maximumAttempts = maximumAttempts
            self.readsFingerprint = readsFingerprint
            self.readsAdditionalAddress = readsAdditionalAddress
        }
    }

    /// How one read ended.
    public enum Outcome: Sendable, CustomStringConvertible {
        /// No card in the field.
        case noCard
        /// A card was read completely.
        case card(CardReading)
        /// The read failed; nothing of the card is kept.
        case failed(ReaderError)

        /// `no card`, the masked read, or the error.
        public var description: String {
            switch self {
            case .noCard: "no card"
            case .card(let reading): reading.description
            case .failed(let error): "failed: \(error)"
            }
        }
    }

    /// The transport the session talks over.
    public let transport: any ReaderTransport
    /// The timeouts and retries.
    public let configuration: Configuration
    private let logger: Logger

    /// Creates a session over an open transport.
    /// - Parameters:
    ///   - transport: The link to the reader.
    ///   - configuration: Timeouts and retries.
    ///   - logger: Where steps and failures are logged (debug level; never card data in clear).
    public init(transport: any ReaderTransport, configuration: Configuration = .init(), logger: Logger) {
        self.transport = transport
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: LogKey.device.rawValue] = "\(transport.name)"
        self.logger = logger
    }

    /// Asks the SAM whether it works (`11 FF`), with the retries.
    /// - Throws: ``ReaderError``: ``ReaderError/Code/needsTechnician`` for a self-test failure or a SAM
    ///   that is not authorised, ``ReaderError/Code/timeout``, ``ReaderError/Code/badFrame``,
    ///   ``ReaderError/Code/disconnected``, ``ReaderError/Code/cancelled``.
    public func checkSAM() async throws {
        var lastError = ReaderError(.timeout, "SAM status")
        for attempt in 1...max(1, configuration.maximumAttempts) {
            do {
                let response = try await exchange(.samStatus, timeout: configuration.statusTimeout)
                switch response.status.classification {
                case .success: return
                case .callTechnician, .cardError: throw statusError(response.status, step: Command.samStatus)
                case .retry: lastError = statusError(response.status, step: Command.samStatus)
                }
            } catch let error as ReaderError where Self.isRetryable(error) {
                lastError = error
                logRetry(error, step: Command.samStatus, attempt: attempt)
            }
        }
        throw lastError
    }

    /// Runs find → select → read text and photo, retrying the whole sequence within the limit.
    /// - Returns: No card, a complete read, or the error; never a partial identity.
    public func readCard() async -> Outcome {
        var lastError = ReaderError(.timeout, "no attempt made")
        for attempt in 1...max(1, configuration.maximumAttempts) {
            do {
                guard let reading = try await attemptRead() else { return .noCard }
                logger.debug(
                    "Card read",
                    metadata: [
                        LogKey.cardType.rawValue: "\(reading.read.identity.cardType)",
                        LogKey.attempt.rawValue: "\(attempt)",
                    ]
                )
                return .card(reading)
            } catch let error as ReaderError {
                guard Self.isRetryable(error) else {
                    logger.debug("Read failed", metadata: [LogKey.error.rawValue: "\(error.code)"])
                    return .failed(error)
                }
                lastError = error
                logRetry(error, step: nil, attempt: attempt)
            } catch {
                return .failed(ReaderError(.ioFailed, "unexpected error", underlying: nil))
            }
        }
        logger.debug("Read failed", metadata: [LogKey.error.rawValue: "\(lastError.code)"])
        return .failed(lastError)
    }

    /// Timeouts, bad frames and transient statuses are retried; everything else ends the read.
    private static func isRetryable(_ error: ReaderError) -> Bool {
        [ReaderError.Code.timeout, .badFrame, .readFailed].contains(error.code)
    }

    /// One find → select → read; nil when there is no card.
    private func attemptRead() async throws -> CardReading? {
        let found = try await exchange(.findCard, timeout: configuration.findTimeout)
        if found.status == .cardNotFound { return nil }
        guard found.status.classification == .success else { throw statusError(found.status, step: .findCard) }

        let selected = try await exchange(.selectCard, timeout: configuration.selectTimeout)
        guard selected.status.classification == .success else {
            throw statusError(selected.status, step: .selectCard)
        }

        let readCommand: Command = configuration.readsFingerprint ? .readWithFingerprint : .readTextAndPhoto
        let response: Response
        do {
            response = try await exchange(readCommand, timeout: configuration.readTimeout)
        } catch let error as ReaderError where error.code == .timeout || error.code == .badFrame {
            try await throwIfCardGone(after: error)
            throw error
        }
        switch response.status.classification {
        case .success:
            break
        case .retry:
            let error = statusError(response.status, step: readCommand)
            try await throwIfCardGone(after: error)
            throw error
        case .cardError, .callTechnician:
            throw statusError(response.status, step: readCommand)
        }
        let read: CardRead
        do {
            read = try configuration.readsFingerprint
                ? CardRead(withFingerprint: response.data) : CardRead(textAndPhoto: response.data)
        } catch where error.code == .truncatedPayload || error.code == .inconsistentPayload {
            throw ReaderError(.badFrame, "\(readCommand.name): \(error.code)", underlying: error)
        } catch {
            throw ReaderError(.unreadableCard, "\(readCommand.name): \(error.code)", underlying: error)
        }
        let additionalAddress = configuration.readsAdditionalAddress ? try await readAdditionalAddress() : nil
        return CardReading(read: read, cardSerial: selected.data, additionalAddress: additionalAddress)
    }

    /// Find → select → read additional address, after a read (the card needs selecting again); `nil` when the
    /// card has none (status `91`). A card gone by now is ``ReaderError/Code/cardRemoved``.
    private func readAdditionalAddress() async throws -> Address? {
        let found = try await exchange(.findCard, timeout: configuration.findTimeout)
        if found.status == .cardNotFound {
            throw ReaderError(.cardRemoved, "\(Command.readAdditionalAddress.name): no card after the read")
        }
        guard found.status.classification == .success else { throw statusError(found.status, step: .findCard) }
        let selected = try await exchange(.selectCard, timeout: configuration.selectTimeout)
        guard selected.status.classification == .success else {
            throw statusError(selected.status, step: .selectCard)
        }
        let response = try await exchange(.readAdditionalAddress, timeout: configuration.selectTimeout)
        if response.status == .noContent { return nil }
        guard response.status.classification == .success else {
            throw statusError(response.status, step: .readAdditionalAddress)
        }
        do {
            return try Address(additionalAddress: response.data)
        } catch {
            throw ReaderError(.unreadableCard, "\(Command.readAdditionalAddress.name): \(error.code)", underlying: error)
        }
    }

    /// After a failed read, asks whether a card is still there (retrying a probe that times out or comes
    /// back garbled, like every other step); throws ``ReaderError/Code/cardRemoved`` when none is. Any other
    /// answer leaves the original error to the caller.
    private func throwIfCardGone(after error: ReaderError) async throws {
        for _ in 0..<max(1, configuration.maximumAttempts) {
            let probe: Response
            do {
                probe = try await exchange(.findCard, timeout: configuration.findTimeout)
            } catch let probeError as ReaderError where probeError.code == .disconnected || probeError.code == .cancelled {
                throw probeError
            } catch {
                continue
            }
            if probe.status == .cardNotFound {
                throw ReaderError(.cardRemoved, "read text and photo: \(error.code), then no card", underlying: error)
            }
            return
        }
    }

    private func statusError(_ status: CardStatus, step: Command) -> ReaderError {
        switch status.classification {
        case .callTechnician: ReaderError(.needsTechnician, "\(step.name): \(status)", status: status)
        case .cardError: ReaderError(.cardRejected, "\(step.name): \(status)", status: status)
        case .retry, .success: ReaderError(.readFailed, "\(step.name): \(status)", status: status)
        }
    }

    private func logRetry(_ error: ReaderError, step: Command?, attempt: Int) {
        var metadata: Logger.Metadata = [
            LogKey.error.rawValue: "\(error.code)",
            LogKey.attempt.rawValue: "\(attempt)",
        ]
        if let step { metadata[LogKey.step.rawValue] = "\(step.name)" }
        if let status = error.status { metadata[LogKey.status.rawValue] = "\(status)" }
        logger.debug("Reader step failed, retrying", metadata: metadata)
    }

    /// Sends one command and waits for one response frame.
    private func exchange(_ command: Command, timeout: Duration) async throws -> Response {
        let stale = try await drain()
        if stale > 0 {
            logger.debug(
                "Dropped stale input",
                metadata: [LogKey.bytes.rawValue: "\(stale)", LogKey.step.rawValue: "\(command.name)"]
            )
        }
        try await transport.write(command.encoded, timeout: configuration.writeTimeout)
        var decoder = FrameDecoder()
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                if decoder.bufferedByteCount > 0 {
                    throw ReaderError(
                        .badFrame,
                        "\(command.name): answer cut short after \(decoder.bufferedByteCount) bytes"
                    )
                }
                throw ReaderError(.timeout, "\(command.name): no answer within \(timeout)")
            }
            let bytes = try await transport.read(maximumCount: 4096, timeout: remaining)
            for event in decoder.feed(bytes) {
                switch event {
                case .garbage(let count):
                    logger.debug(
                        "Skipped garbage before a frame",
                        metadata: [LogKey.garbage.rawValue: "\(count)", LogKey.step.rawValue: "\(command.name)"]
                    )
                case .rejected(let error):
                    throw ReaderError(.badFrame, "\(command.name): \(error.code)", underlying: error)
                case .frame(let frame):
                    do {
                        return try Response(frame: frame)
                    } catch {
                        throw ReaderError(.badFrame, "\(command.name): \(error.code)", underlying: error)
                    }
                }
            }
        }
    }

    /// Reads and drops whatever is waiting; returns the byte count.
    private func drain() async throws -> Int {
        var count = 0
        while true {
            let bytes = try await transport.read(maximumCount: 4096, timeout: .zero)
            if bytes.isEmpty { return count }
            count += bytes.count
        }
    }
}
