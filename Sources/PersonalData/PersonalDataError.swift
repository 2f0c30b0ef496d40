// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why the data key or a sealed box could not be used. The message names files and fingerprints, never
/// key bytes or personal data.
public struct PersonalDataError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case keyMissing = "key_missing"
            case keyUnreadable = "key_unreadable"
            case keyExposed = "key_exposed"
            case keyMismatch = "key_mismatch"
            case keyNotCreated = "key_not_created"
            case sealingFailed = "sealing_failed"
            case cannotOpen = "cannot_open"
        }

        fileprivate let base: Base

        /// The key file is gone although data was sealed with a key.
        public static let keyMissing = Code(base: .keyMissing)
        /// The key file cannot be read or has the wrong size.
        public static let keyUnreadable = Code(base: .keyUnreadable)
        /// The key file is readable by group or others.
        public static let keyExposed = Code(base: .keyExposed)
        /// The key file is not the one the store's data was sealed with.
        public static let keyMismatch = Code(base: .keyMismatch)
        /// A new key file could not be written.
        public static let keyNotCreated = Code(base: .keyNotCreated)
        /// Sealing failed.
        public static let sealingFailed = Code(base: .sealingFailed)
        /// A sealed box did not open: another key, another context, or altered bytes.
        public static let cannotOpen = Code(base: .cannotOpen)

        /// The snake_case form.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// What happened and what to do.
    public let message: String
    /// The error behind it.
    public let underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }
}
