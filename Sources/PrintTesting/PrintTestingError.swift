// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why printed bytes could not be interpreted, or a picture of them not written.
///
/// ``description`` names the code and the byte offset, never printed text.
public struct PrintTestingError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case unknownCommand = "unknown_command"
            case malformedCommand = "malformed_command"
            case truncatedCommand = "truncated_command"
            case invalidCharacter = "invalid_character"
            case unterminatedLine = "unterminated_line"
            case missingQRData = "missing_qr_data"
            case imageWriteFailed = "image_write_failed"
            case packageRootNotFound = "package_root_not_found"
        }

        fileprivate let base: Base

        /// A byte or command outside the interpreted subset.
        public static let unknownCommand = Code(base: .unknownCommand)
        /// A known command with a parameter out of its range.
        public static let malformedCommand = Code(base: .malformedCommand)
        /// The bytes end inside a command.
        public static let truncatedCommand = Code(base: .truncatedCommand)
        /// A byte of 0x80 or more outside Chinese mode, or an invalid GB18030 sequence.
        public static let invalidCharacter = Code(base: .invalidCharacter)
        /// Text is pending (no `LF`) where a command needs the start of a line, or at the end.
        public static let unterminatedLine = Code(base: .unterminatedLine)
        /// `GS ( k` print with no stored QR data.
        public static let missingQRData = Code(base: .missingQRData)
        /// A PNG file could not be written.
        public static let imageWriteFailed = Code(base: .imageWriteFailed)
        /// No `Package.swift` above a test file.
        public static let packageRootNotFound = Code(base: .packageRootNotFound)

        /// The stable snake_case form, e.g. `unknown_command`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// The offset of the offending byte, when the failure is in printed bytes.
    public let offset: Int?
    /// More about the failure, with no printed text: the command's bytes, a path.
    public let context: String
    /// The file that raised the error (`#fileID`).
    public let file: String
    /// The line that raised the error.
    public let line: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - offset: The offset of the offending byte.
    ///   - context: More about the failure; never printed text.
    public init(_ code: Code, at offset: Int? = nil, _ context: String = "", file: String = #fileID, line: Int = #line)
    {
        self.code = code
        self.offset = offset
        self.context = context
        self.file = file
        self.line = line
    }

    /// The code, the offset and the context, e.g. `unknown_command at byte 57 (1B 7A)`.
    public var description: String {
        var text = code.description
        if let offset { text += " at byte \(offset)" }
        if !context.isEmpty { text += " (\(context))" }
        return text
    }

    /// The description and the source location.
    public var debugDescription: String { "PrintTestingError(\(description), at \(file):\(line))" }

    /// Errors compare by code only.
    public static func == (lhs: PrintTestingError, rhs: PrintTestingError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching ``==``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
