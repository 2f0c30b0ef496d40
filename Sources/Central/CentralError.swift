// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why the central server or one of its commands could not do what was asked. The message names ids, codes and
/// files, never personal data, SQL arguments or keys; `==` compares the ``code`` only.
public struct CentralError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case configuration
            case database
            case databaseUnavailable = "database_unavailable"
            case unknownPoint = "unknown_point"
            case unknownDevice = "unknown_device"
            case unknownCase = "unknown_case"
            case invalidTransition = "invalid_transition"
            case invalidCatalogue = "invalid_catalogue"
            case dataKey = "data_key"
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// A missing or contradictory option (no TLS outside loopback, a bad database URL).
        public static let configuration = Code(.configuration)
        /// The database refused or failed a statement.
        public static let database = Code(.database)
        /// The database cannot be reached: no pooled connection within the wait, a connection lost, or a request's
        /// deadline passed; the server answers 503 with `Retry-After`.
        public static let databaseUnavailable = Code(.databaseUnavailable)
        /// No service point has this id.
        public static let unknownPoint = Code(.unknownPoint)
        /// No device has this id.
        public static let unknownDevice = Code(.unknownDevice)
        /// No case has this id.
        public static let unknownCase = Code(.unknownCase)
        /// The case cannot move from its status to the one asked for.
        public static let invalidTransition = Code(.invalidTransition)
        /// A catalogue file that cannot be read or has an invalid matter.
        public static let invalidCatalogue = Code(.invalidCatalogue)
        /// The data key file is missing, exposed or not the one the data was sealed with.
        public static let dataKey = Code(.dataKey)

        /// The snake_case form.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// What happened and what to do.
    public let message: String
    /// The error behind it.
    public let underlying: (any Error)?
    /// The file that threw it.
    public let file: String
    /// The line that threw it.
    public let line: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure.
    ///   - message: What happened and what to do; no personal data.
    ///   - underlying: The error behind it.
    ///   - file: The throwing file; leave the default.
    ///   - line: The throwing line; leave the default.
    public init(
        _ code: Code, _ message: String, underlying: (any Error)? = nil, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }
}

extension CentralError: Equatable {
    /// Compares the codes only.
    public static func == (lhs: CentralError, rhs: CentralError) -> Bool { lhs.code == rhs.code }
}
