// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why a layout could not be rendered for a printer.
///
/// ``description`` names the code and the place (a path, a length, a field name), never printed text.
/// ``debugDescription`` adds the source location and the underlying error.
public struct PrintingError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case fontNotFound = "font_not_found"
            case fontUnreadable = "font_unreadable"
            case encodingFailed = "encoding_failed"
            case qrCodeFailed = "qr_code_failed"
            case unmaskedPersonalData = "unmasked_personal_data"
        }

        fileprivate let base: Base

        /// No CJK font file was found for raster text (install Debian's `fonts-noto-cjk`).
        public static let fontNotFound = Code(base: .fontNotFound)
        /// A font file exists but FreeType cannot open it or it lacks a usable face.
        public static let fontUnreadable = Code(base: .fontUnreadable)
        /// Text could not be converted to or from GB18030 (invalid input bytes, or iconv unavailable).
        public static let encodingFailed = Code(base: .encodingFailed)
        /// A QR payload could not be encoded: empty, or too long for a QR code at error correction M.
        public static let qrCodeFailed = Code(base: .qrCodeFailed)
        /// A name or ID number handed to a layout is not masked.
        public static let unmaskedPersonalData = Code(base: .unmaskedPersonalData)

        /// The stable snake_case form, e.g. `font_not_found`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// Where the failure was found, with no printed text: a path, a length, a field name.
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
    ///   - context: Where it was found; never printed text.
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

    /// The code and the context, e.g. `font_not_found (tried /usr/share/fonts/…)`.
    public var description: String { context.isEmpty ? code.description : "\(code) (\(context))" }

    /// The description, the source location and the underlying error.
    public var debugDescription: String {
        var text = "PrintingError(\(description), at \(file):\(line)"
        if let underlying { text += ", underlying: \(String(describing: underlying))" }
        return text + ")"
    }

    /// Errors compare by code only.
    public static func == (lhs: PrintingError, rhs: PrintingError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching ``==``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
