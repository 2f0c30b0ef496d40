// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why a frame, a payload or a card's text could not be decoded.
///
/// ``description`` names the code and the place (a frame length, a field name, an offset), never a
/// value read from a card. ``debugDescription`` adds the source location and the underlying error.
public struct IDCardError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case missingPreamble = "missing_preamble"
            case impossibleLength = "impossible_length"
            case badChecksum = "bad_checksum"
            case truncatedFrame = "truncated_frame"
            case trailingBytes = "trailing_bytes"
            case notAResponse = "not_a_response"
            case dataTooLong = "data_too_long"
            case truncatedPayload = "truncated_payload"
            case inconsistentPayload = "inconsistent_payload"
            case invalidText = "invalid_text"
            case missingField = "missing_field"
            case invalidField = "invalid_field"
            case invalidDate = "invalid_date"
            case invalidIDNumber = "invalid_id_number"
            case badCheckDigit = "bad_check_digit"
            case unknownCardType = "unknown_card_type"
        }

        fileprivate let base: Base

        /// The bytes do not start with the preamble `AA AA AA 96 69`.
        public static let missingPreamble = Code(base: .missingPreamble)
        /// The length field is below 3 (command) or 4 (response), or above ``Frame/maximumLength``.
        public static let impossibleLength = Code(base: .impossibleLength)
        /// The XOR checksum over length, body and data does not match the last byte.
        public static let badChecksum = Code(base: .badChecksum)
        /// The stream ended inside a frame.
        public static let truncatedFrame = Code(base: .truncatedFrame)
        /// Bytes follow a complete frame where exactly one frame was expected.
        public static let trailingBytes = Code(base: .trailingBytes)
        /// The frame is too short to hold SW1, SW2 and SW3.
        public static let notAResponse = Code(base: .notAResponse)
        /// The data does not fit in one frame (see ``Frame/maximumLength``).
        public static let dataTooLong = Code(base: .dataTooLong)
        /// A read payload is shorter than its length fields say.
        public static let truncatedPayload = Code(base: .truncatedPayload)
        /// A read payload's length fields do not add up to its size, or the text is not 256 bytes.
        public static let inconsistentPayload = Code(base: .inconsistentPayload)
        /// A text field is not valid UCS-2 (an unpaired surrogate).
        public static let invalidText = Code(base: .invalidText)
        /// A field every card of this type carries is empty.
        public static let missingField = Code(base: .missingField)
        /// A coded field (sex, ethnicity, count) holds a value outside its table.
        public static let invalidField = Code(base: .invalidField)
        /// A date field is not a real `yyyyMMdd` date (or `长期` where allowed).
        public static let invalidDate = Code(base: .invalidDate)
        /// An ID number is not 17 digits followed by a digit or `X`.
        public static let invalidIDNumber = Code(base: .invalidIDNumber)
        /// An ID number's ISO 7064 MOD 11-2 check character is wrong.
        public static let badCheckDigit = Code(base: .badCheckDigit)
        /// The card type character at byte 248 is none of space, `J`, `I` or `Y`.
        public static let unknownCardType = Code(base: .unknownCardType)

        /// The stable snake_case form, e.g. `bad_checksum`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// Where the failure was found, with no card data: a field name, an offset, a length, two checksums.
    public let context: String
    /// The error that caused this one, if any.
    public let underlying: (any Error & Sendable)?
    /// The file that raised the error (`#fileID`).
    public let file: String
    /// The line that raised the error.
    public let line: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - context: Where it was found; never a value read from a card.
    ///   - underlying: The error that caused this one.
    public init(
        _ code: Code,
        _ context: String = "",
        underlying: (any Error & Sendable)? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.context = context
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// The code and the context, e.g. `bad_checksum (expected 0x32, found 0x33)`.
    public var description: String { context.isEmpty ? code.description : "\(code) (\(context))" }

    /// The description, the source location and the underlying error.
    public var debugDescription: String {
        var text = "IDCardError(\(description), at \(file):\(line)"
        if let underlying { text += ", underlying: \(String(describing: underlying))" }
        return text + ")"
    }

    /// Errors compare by code only.
    public static func == (lhs: IDCardError, rhs: IDCardError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching ``==``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
