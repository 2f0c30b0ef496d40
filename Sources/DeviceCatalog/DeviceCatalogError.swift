// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A device file (or the `devices/` directory) that cannot be used: where the problem is and what is wrong.
///
/// Its ``description`` is the line a technician sees, in the form compilers use:
///
/// ```
/// devices/reader-0400-c35a.toml:7: usb.vendor_id: expected a 16-bit USB id as 4 hex digits such as "0400", found "04g0"
/// ```
///
/// Two errors are equal when their codes are equal.
public struct DeviceCatalogError: Error, CustomStringConvertible, Equatable {
    /// The kind of problem, for callers that react differently to each (e.g. tests).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unreadable = "unreadable file or directory"
            case noDevices = "no device files"
            case fileName = "bad file name"
            case syntax = "TOML syntax error"
            case unknownKey = "unknown key"
            case missingKey = "missing key"
            case wrongType = "wrong type"
            case invalidValue = "invalid value"
            case duplicate = "duplicate"
            case missingSource = "fact without a source"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The directory or a file in it cannot be read.
        public static let unreadable = Code(.unreadable)
        /// The directory holds no `*.toml` device file.
        public static let noDevices = Code(.noDevices)
        /// A file is not named `<kind>-<vendor_id>-<product_id>.toml` after its contents.
        public static let fileName = Code(.fileName)
        /// The file is not valid TOML.
        public static let syntax = Code(.syntax)
        /// A key the schema does not know, usually a typo.
        public static let unknownKey = Code(.unknownKey)
        /// A required key is absent.
        public static let missingKey = Code(.missingKey)
        /// A value has the wrong TOML type, e.g. an array where a string belongs.
        public static let wrongType = Code(.wrongType)
        /// A value has the right type but is malformed or out of range (bad hex, unknown scheme, …).
        public static let invalidValue = Code(.invalidValue)
        /// Two files describe the same USB vendor:product id, or claim the same serial symlink.
        public static let duplicate = Code(.duplicate)
        /// A fact in the file is named by no `[[source]]` entry, or a source names a fact the file lacks.
        public static let missingSource = Code(.missingSource)

        /// A short English name of the code, e.g. `unknown key`.
        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public var code: Code
    /// The device file or directory as given, e.g. `devices/reader-0400-c35a.toml`.
    public var file: String
    /// The 1-based line of the problem, when it can be found.
    public var line: Int?
    /// The key path of the problem, e.g. `usb.endpoints.out_header` or `source[2].facts`, when there is one.
    public var key: String?
    /// What was expected and what was found, in English.
    public var message: String
    /// The error that caused this one (e.g. the file system's), if any.
    public var underlying: (any Error)?

    /// Creates a device catalog error.
    ///
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - file: The device file or directory as given.
    ///   - line: The 1-based line of the problem, if known.
    ///   - key: The key path of the problem, if any.
    ///   - message: What was expected and what was found.
    ///   - underlying: The error that caused this one, if any.
    public init(
        code: Code, file: String, line: Int? = nil, key: String? = nil, message: String,
        underlying: (any Error)? = nil
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        self.underlying = underlying
    }

    /// The problem as `file:line: key: message`, leaving out the line or the key when unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }

    /// Compares the codes only.
    public static func == (lhs: DeviceCatalogError, rhs: DeviceCatalogError) -> Bool {
        lhs.code == rhs.code
    }
}
