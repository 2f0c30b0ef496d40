// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The error thrown by the test-support helpers: the Chromium driver and the OpenAPI checker.
///
/// Unlike the daemon's errors, ``description`` carries the detail (the JSON path, the offending value, the
/// browser's log tail): these helpers only ever see test fixtures, and a test failure that hides the detail
/// is useless. `==` compares the ``code`` only.
public struct KioskTestingError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// What went wrong, as a stable, extensible code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case chromiumNotFound
            case launchFailed
            case browserExited
            case timeout
            case protocolError
            case javascriptException
            case noPage
            case invalidDocument
            case operationNotFound
            case statusNotDocumented
            case responseMismatch
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// No `chromium` executable was found on `PATH` or at `/usr/bin/chromium`.
        public static let chromiumNotFound = Code(.chromiumNotFound)
        /// Chromium could not be started, or did not answer on the DevTools pipe.
        public static let launchFailed = Code(.launchFailed)
        /// Chromium closed the DevTools pipe (it exited or crashed) while a command was pending.
        public static let browserExited = Code(.browserExited)
        /// A DevTools command, a page load or a ``Chromium/waitUntil(_:timeout:)`` condition took too long.
        public static let timeout = Code(.timeout)
        /// Chromium answered a DevTools command with an error, or a navigation failed.
        public static let protocolError = Code(.protocolError)
        /// The evaluated JavaScript threw an exception or returned a rejected promise.
        public static let javascriptException = Code(.javascriptException)
        /// A page command was used before ``Chromium/open(_:)``.
        public static let noPage = Code(.noPage)
        /// The OpenAPI document could not be read, or a `$ref` in it does not resolve.
        public static let invalidDocument = Code(.invalidDocument)
        /// The OpenAPI document has no operation for the method and concrete path.
        public static let operationNotFound = Code(.operationNotFound)
        /// The operation does not document the response status (and has no `default` response).
        public static let statusNotDocumented = Code(.statusNotDocumented)
        /// The response body does not match the documented schema; the message lists each violation.
        public static let responseMismatch = Code(.responseMismatch)

        /// The code's name, such as `responseMismatch`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A human-readable explanation; for ``Code/responseMismatch``, one violation per line, each starting with its
    /// JSON path (`$.businesses[2].alarm_level: "purple" not in enum [...]`).
    public let message: String
    /// The error that caused this one, if any.
    public let underlying: (any Error & Sendable)?
    /// The file that threw the error.
    public let file: String
    /// The line that threw the error.
    public let line: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - message: The detail, for the test log.
    ///   - underlying: The error that caused this one, if any.
    ///   - file: The throwing file; leave the default.
    ///   - line: The throwing line; leave the default.
    public init(
        _ code: Code,
        _ message: String,
        underlying: (any Error & Sendable)? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }

    /// The code, the message, the underlying error and where it was thrown.
    public var debugDescription: String {
        var text = "\(code): \(message) (\(file):\(line))"
        if let underlying { text += " underlying: \(String(reflecting: underlying))" }
        return text
    }
}

extension KioskTestingError: Equatable {
    /// Compares the codes only.
    public static func == (lhs: KioskTestingError, rhs: KioskTestingError) -> Bool { lhs.code == rhs.code }
}
