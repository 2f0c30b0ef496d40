// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import IDCard

/// Why a reader, its link or a read failed.
///
/// ``description`` names the code and a context (a step, a byte count, an `errno`), never card data.
/// ``debugDescription`` adds the source location and the underlying error. Errors compare by code only.
public struct ReaderError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case disconnected
            case timeout
            case badFrame = "bad_frame"
            case cardRemoved = "card_removed"
            case needsTechnician = "needs_technician"
            case cardRejected = "card_rejected"
            case unreadableCard = "unreadable_card"
            case readFailed = "read_failed"
            case openFailed = "open_failed"
            case ioFailed = "io_failed"
            case cancelled
            case invalidFixture = "invalid_fixture"
            case photoDecoderUnavailable = "photo_decoder_unavailable"
            case photoUndecodable = "photo_undecodable"
        }

        fileprivate let base: Base

        /// The link is gone: the device was unplugged, the tty hung up (`EIO`, `ENXIO`, end of file), the
        /// peer closed, or the transport was closed. Reopen the device to continue.
        public static let disconnected = Code(base: .disconnected)
        /// The reader (its SAM) did not answer within the step's timeout, after the retries.
        public static let timeout = Code(base: .timeout)
        /// Answers kept arriving garbled: bad checksum, impossible length, cut short, or not a response.
        public static let badFrame = Code(base: .badFrame)
        /// The card left the field during the read; no identity was produced.
        public static let cardRemoved = Code(base: .cardRemoved)
        /// The reader reported a status that needs a technician: SAM self-test failed (`60`), SAM not
        /// authorised (`66`), and the others ``CardStatus/Classification/callTechnician`` names.
        public static let needsTechnician = Code(base: .needsTechnician)
        /// The card failed authentication or is not an ID card (``CardStatus/Classification/cardError``).
        public static let cardRejected = Code(base: .cardRejected)
        /// The read succeeded but the card's text could not be decoded into an identity.
        public static let unreadableCard = Code(base: .unreadableCard)
        /// The reader kept answering with a transient failure status (e.g. `41`, `81`) while the card stayed.
        public static let readFailed = Code(base: .readFailed)
        /// The device could not be opened or configured.
        public static let openFailed = Code(base: .openFailed)
        /// A system call on the link failed in a way that is not a disconnection.
        public static let ioFailed = Code(base: .ioFailed)
        /// The task was cancelled during the operation.
        public static let cancelled = Code(base: .cancelled)
        /// An emulator fixture file could not be read or holds an invalid card.
        public static let invalidFixture = Code(base: .invalidFixture)
        /// The configured vendor WLT library cannot be loaded, or lacks the configured function.
        public static let photoDecoderUnavailable = Code(base: .photoDecoderUnavailable)
        /// The vendor WLT library refused a photo, or gave back something that is not a 102 × 126 BMP.
        public static let photoUndecodable = Code(base: .photoUndecodable)

        /// The stable snake_case form, e.g. `card_removed`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// Where it happened, with no card data: a step, a device path, an `errno`, a status code.
    public let context: String
    /// The reader status behind the error, when one is.
    public let status: CardStatus?
    /// The error that caused this one, if any.
    public let underlying: (any Error & Sendable)?
    /// The file that raised the error (`#fileID`).
    public let file: String
    /// The line that raised the error.
    public let line: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - context: Where it happened; never card data.
    ///   - status: The reader status behind the error.
    ///   - underlying: The error that caused this one.
    public init(
        _ code: Code,
        _ context: String = "",
        status: CardStatus? = nil,
        underlying: (any Error & Sendable)? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.context = context
        self.status = status
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// The code and the context, e.g. `timeout (find card, 2 attempts)`.
    public var description: String { context.isEmpty ? code.description : "\(code) (\(context))" }

    /// The description, the status, the source location and the underlying error.
    public var debugDescription: String {
        var text = "ReaderError(\(description)"
        if let status { text += ", status: \(status)" }
        text += ", at \(file):\(line)"
        if let underlying { text += ", underlying: \(String(reflecting: underlying))" }
        return text + ")"
    }

    /// Errors compare by code only.
    public static func == (lhs: ReaderError, rhs: ReaderError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching ``==``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
