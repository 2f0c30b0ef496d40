// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The error of the sync client. ``description`` names the failure with status codes and sequences only, never a
/// payload, so it can be logged and shown on the agent's screen. `==` compares the ``code`` only.
public struct SyncClientError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable, Equatable {
    /// What went wrong, as a stable, extensible code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case deviceRevoked
            case insecureServer
            case identity
            case alreadyEnrolled
            case enrolmentRefused
            case serverError
            case unexpectedAnswer
            case transport
            case timeout
            case store
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The server answered 401: the device was revoked or never enrolled. The client stops.
        public static let deviceRevoked = Code(.deviceRevoked)
        /// The server's URL is plain `http` on a host other than loopback.
        public static let insecureServer = Code(.insecureServer)
        /// The device identity file is missing, unreadable, malformed or readable by others.
        public static let identity = Code(.identity)
        /// An identity file already exists where enrolment would write one.
        public static let alreadyEnrolled = Code(.alreadyEnrolled)
        /// The server refused the enrolment code.
        public static let enrolmentRefused = Code(.enrolmentRefused)
        /// The server answered 5xx or 429; retried with backoff.
        public static let serverError = Code(.serverError)
        /// The server answered with a status or body the contract does not allow; retried with backoff.
        public static let unexpectedAnswer = Code(.unexpectedAnswer)
        /// The connection failed, was reset or cut; retried with backoff.
        public static let transport = Code(.transport)
        /// The request timed out; retried with backoff.
        public static let timeout = Code(.timeout)
        /// The kiosk's store failed; retried with backoff.
        public static let store = Code(.store)

        /// The code's name, such as `deviceRevoked`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A short explanation with no personal data: statuses, sequences, counts.
    public let message: String
    /// The error that caused this one, if any.
    public let underlying: (any Error & Sendable)?
    /// The file that threw the error.
    public let file: String
    /// The line that threw the error.
    public let line: Int
    /// How long the server asked the device to wait (`Retry-After` of a 429 or 503), if it did.
    public var retryAfter: Duration?

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - message: The explanation, without personal data.
    ///   - underlying: The error that caused this one, if any.
    ///   - file: The throwing file; leave the default.
    ///   - line: The throwing line; leave the default.
    public init(
        _ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil, file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// The code and the explanation.
    public var description: String { "\(code): \(message)" }

    /// The description, the underlying error and where it was thrown.
    public var debugDescription: String {
        "\(description)\(underlying.map { " (\(String(reflecting: $0)))" } ?? "") at \(file):\(line)"
    }

    /// Whether the two errors have the same code.
    public static func == (lhs: SyncClientError, rhs: SyncClientError) -> Bool {
        lhs.code == rhs.code
    }
}
