// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why the store failed. ``description`` never contains row contents or statement arguments.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case cannotOpen = "cannot_open"
            case migrationFailed = "migration_failed"
            case newerSchema = "newer_schema"
            case writeFailed = "write_failed"
            case readFailed = "read_failed"
        }

        fileprivate let base: Base

        /// The database file cannot be opened or created.
        public static let cannotOpen = Code(base: .cannotOpen)
        /// A migration failed; the file is unchanged.
        public static let migrationFailed = Code(base: .migrationFailed)
        /// The file has migrations this build does not know.
        public static let newerSchema = Code(base: .newerSchema)
        /// A transaction failed and was rolled back.
        public static let writeFailed = Code(base: .writeFailed)
        /// A read failed.
        public static let readFailed = Code(base: .readFailed)

        /// The snake_case form.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// What was being done.
    public let message: String
    /// The SQLite or file-system error behind it.
    public let underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// The code, the message and the underlying error's own (argument-free) description.
    public var description: String {
        var text = "\(code): \(message)"
        if let underlying { text += " (\(underlying))" }
        return text
    }
}
