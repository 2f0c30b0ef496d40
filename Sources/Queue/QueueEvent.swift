// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Something that happened in the hall. Every operation appends its events to the audit log in the
/// same transaction as its state change, and the event stream forwards them to displays.
public struct QueueEvent: Sendable, Hashable, Codable {
    /// What happened. Stored and sent as the raw value.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case ticketTaken = "ticket_taken"
        case ticketCalled = "ticket_called"
        case ticketRecalled = "ticket_recalled"
        case ticketSkipped = "ticket_skipped"
        case ticketReactivated = "ticket_reactivated"
        case ticketTransferred = "ticket_transferred"
        case ticketHeld = "ticket_held"
        case ticketFinished = "ticket_finished"
        case ticketRated = "ticket_rated"
        case ticketExpired = "ticket_expired"
        case windowPaused = "window_paused"
        case windowResumed = "window_resumed"
        case windowBusinessesChanged = "window_businesses_changed"
        case alarmChanged = "alarm_changed"
        case dayStarted = "day_started"

        /// Whether displays announce it (a call of a number to a window).
        public var isCall: Bool { self == .ticketCalled || self == .ticketRecalled }
    }

    /// What happened.
    public var kind: Kind
    /// When.
    public var at: Date
    /// The service day it belongs to.
    public var serviceDay: ServiceDay
    /// The ticket concerned, if any.
    public var ticketID: Int64?
    /// The ticket's number, if any.
    public var number: String?
    /// The business concerned, if any.
    public var business: String?
    /// The window concerned, if any.
    public var window: String?
    /// Further facts (reason, from, to, outcome, level, priority). Never personal data.
    public var detail: [String: String]

    /// Creates an event.
    public init(
        kind: Kind, at: Date, serviceDay: ServiceDay, ticketID: Int64? = nil, number: String? = nil,
        business: String? = nil, window: String? = nil, detail: [String: String] = [:]
    ) {
        self.kind = kind
        self.at = at
        self.serviceDay = serviceDay
        self.ticketID = ticketID
        self.number = number
        self.business = business
        self.window = window
        self.detail = detail
    }
}

/// What one operation changed: the rows to write and the events to log, in one transaction.
public struct QueueChange: Sendable {
    /// Tickets as they are after the operation, at most one snapshot per ticket.
    public private(set) var tickets: [Ticket] = []
    /// Windows as they are after the operation, at most one snapshot per window.
    public private(set) var windows: [WindowState] = []
    /// The events, in order.
    public private(set) var events: [QueueEvent] = []

    /// An empty change.
    public init() {}

    /// Whether nothing changed.
    public var isEmpty: Bool { tickets.isEmpty && windows.isEmpty && events.isEmpty }

    mutating func record(_ ticket: Ticket) {
        if let index = tickets.firstIndex(where: { $0.id == ticket.id }) {
            tickets[index] = ticket
        } else {
            tickets.append(ticket)
        }
    }

    mutating func record(_ window: WindowState) {
        if let index = windows.firstIndex(where: { $0.id == window.id }) {
            windows[index] = window
        } else {
            windows.append(window)
        }
    }

    mutating func record(_ event: QueueEvent) {
        events.append(event)
    }

    mutating func merge(_ other: QueueChange) {
        other.tickets.forEach { record($0) }
        other.windows.forEach { record($0) }
        events += other.events
    }
}

/// The result of an operation and what it changed.
public struct Outcome<Value: Sendable>: Sendable {
    /// What the caller asked for.
    public var value: Value
    /// What must be persisted and published.
    public var change: QueueChange
}
