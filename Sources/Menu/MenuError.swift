// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The error of the touchscreen menu. ``description`` never holds personal data.
public struct MenuError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, as a stable, extensible code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notATerminal
            case daemonUnreachable
            case daemonRefused
            case unexpectedAnswer
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// Standard input is not a terminal.
        public static let notATerminal = Code(.notATerminal)
        /// The daemon did not answer (not running, restarting).
        public static let daemonUnreachable = Code(.daemonUnreachable)
        /// The daemon refused a request with an error it explained (its message is in ``MenuError/message``).
        public static let daemonRefused = Code(.daemonRefused)
        /// The daemon answered something the menu cannot read.
        public static let unexpectedAnswer = Code(.unexpectedAnswer)

        /// The code's name.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Words for the screen or the log, without personal data.
    public let message: String
    /// The daemon's error code (`wrong_pin`, `printer_out_of_paper` …) when it refused.
    public let apiCode: String?
    /// The HTTP status when the daemon answered.
    public let status: Int?
    /// The ticket a refusal is about (`already_has_ticket`, `already_checked_in`): the number already taken.
    public let ticketNumber: String?
    /// Where it was thrown.
    public let file: String
    /// The line it was thrown at.
    public let line: Int

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, apiCode: String? = nil, status: Int? = nil, ticketNumber: String? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.apiCode = apiCode
        self.status = status
        self.ticketNumber = ticketNumber
        self.file = file
        self.line = line
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// Compares codes only.
    public static func == (lhs: MenuError, rhs: MenuError) -> Bool { lhs.code == rhs.code }
}
