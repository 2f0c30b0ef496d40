// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why the queue refused an operation. ``description`` names the rule, never personal data.
public struct QueueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of refusal this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case unknownBusiness = "unknown_business"
            case unknownWindow = "unknown_window"
            case unknownTicket = "unknown_ticket"
            case outsideHours = "outside_hours"
            case capacityReached = "capacity_reached"
            case sequenceExhausted = "sequence_exhausted"
            case windowPaused = "window_paused"
            case noCurrentTicket = "no_current_ticket"
            case recallLimitReached = "recall_limit_reached"
            case notThisWindow = "not_this_window"
            case invalidState = "invalid_state"
            case alreadyRated = "already_rated"
            case invalidArgument = "invalid_argument"
            case noOpenWindow = "no_open_window"
            case alreadyHasTicket = "already_has_ticket"
        }

        fileprivate let base: Base

        /// The business code is not configured.
        public static let unknownBusiness = Code(base: .unknownBusiness)
        /// The window id is not configured.
        public static let unknownWindow = Code(base: .unknownWindow)
        /// No ticket has that number today.
        public static let unknownTicket = Code(base: .unknownTicket)
        /// The business does not issue tickets at this hour.
        public static let outsideHours = Code(base: .outsideHours)
        /// The business has issued its daily capacity.
        public static let capacityReached = Code(base: .capacityReached)
        /// Every number the prefix and width allow was issued today.
        public static let sequenceExhausted = Code(base: .sequenceExhausted)
        /// The window is paused; resume it first.
        public static let windowPaused = Code(base: .windowPaused)
        /// The window is serving nobody.
        public static let noCurrentTicket = Code(base: .noCurrentTicket)
        /// The ticket was recalled as often as allowed; skip it instead.
        public static let recallLimitReached = Code(base: .recallLimitReached)
        /// The ticket belongs to another window (HTTP 403).
        public static let notThisWindow = Code(base: .notThisWindow)
        /// The ticket is not in a state that allows this.
        public static let invalidState = Code(base: .invalidState)
        /// The ticket was already rated.
        public static let alreadyRated = Code(base: .alreadyRated)
        /// An argument is malformed or not configured.
        public static let invalidArgument = Code(base: .invalidArgument)
        /// No open window serves the target business or the target window is paused.
        public static let noOpenWindow = Code(base: .noOpenWindow)
        /// The card holder already took a ticket for this business today (one per person, against 号贩子).
        public static let alreadyHasTicket = Code(base: .alreadyHasTicket)

        /// The stable snake_case form used in API errors.
        public var description: String { base.rawValue }
    }

    /// What kind of refusal this is.
    public let code: Code
    /// A sentence for staff and citizens, in Chinese, with no personal data.
    public let message: String
    /// The ticket the refusal is about, when there is one (e.g. the number already taken).
    public let ticketNumber: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, ticketNumber: String? = nil) {
        self.code = code
        self.message = message
        self.ticketNumber = ticketNumber
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }

    /// Errors compare by code only.
    public static func == (lhs: QueueError, rhs: QueueError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching ``==``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
