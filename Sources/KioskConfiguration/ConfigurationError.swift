// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A configuration file that cannot be used: where the problem is and what is wrong.
///
/// Its ``description`` is the line a technician sees, in the form compilers use:
///
/// ```
/// kioskd.toml:14: business[2].prefix: expected 1–2 uppercase letters, found "a1"
/// ```
///
/// Messages never contain secrets: a bad staff token is described by its length, never by its value.
public struct ConfigurationError: Error, CustomStringConvertible {
    /// The kind of problem, for callers that react differently to each (e.g. tests, `kioskd config check`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unreadableFile = "unreadable file"
            case syntax = "TOML syntax error"
            case unknownKey = "unknown key"
            case missingKey = "missing key"
            case wrongType = "wrong type"
            case invalidValue = "invalid value"
            case duplicate = "duplicate"
            case unknownReference = "unknown reference"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The configuration file or a file it names (`token_file`) cannot be read.
        public static let unreadableFile = Code(.unreadableFile)
        /// The file is not valid TOML.
        public static let syntax = Code(.syntax)
        /// A key the schema does not know, usually a typo.
        public static let unknownKey = Code(.unknownKey)
        /// A required key is absent.
        public static let missingKey = Code(.missingKey)
        /// A value has the wrong TOML type, e.g. a string where a number belongs.
        public static let wrongType = Code(.wrongType)
        /// A value has the right type but is out of range or malformed.
        public static let invalidValue = Code(.invalidValue)
        /// A value that must be unique appears twice (business code or prefix, window id, token).
        public static let duplicate = Code(.duplicate)
        /// A value names something that is not configured, e.g. a window serving an unknown business.
        public static let unknownReference = Code(.unknownReference)

        /// A short English name of the code, e.g. `unknown key`.
        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public var code: Code
    /// The configuration file as given (a path, or `built-in demo hall`).
    public var file: String
    /// The 1-based line of the problem, when it can be found.
    public var line: Int?
    /// The key path of the problem, e.g. `business[2].prefix` (arrays counted from 1), when there is one.
    public var key: String?
    /// What was expected and what was found, in English.
    public var message: String

    /// Creates a configuration error.
    ///
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - file: The configuration file as given.
    ///   - line: The 1-based line of the problem, if known.
    ///   - key: The key path of the problem, if any.
    ///   - message: What was expected and what was found; must not contain secrets.
    public init(code: Code, file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// The problem as `file:line: key: message`, leaving out the line or the key when unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }
}
