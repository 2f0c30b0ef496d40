// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// The hall's queue: pure, I/O-free state and rules for numbering, calling and estimating.
///
/// Every mutating operation takes the current time, changes the state, and returns an ``Outcome``
/// whose ``QueueChange`` lists the rows to persist and the events to log. The owner (the daemon's
/// hall actor) persists the change in one transaction before answering anyone, and rebuilds the
/// engine from the store if persisting fails, so memory never runs ahead of disk.
public struct QueueEngine: Sendable {
    /// The hall's configuration.
    public let configuration: HallConfiguration
    /// The service day the state belongs to.
    public internal(set) var serviceDay: ServiceDay

    let clock: LocalClock
    var tickets: [Int64: Ticket] = [:]
    var ticketsByNumber: [String: Int64] = [:]
    /// Today's tickets per card holder (keyed hash), for the one-per-person-per-business rule.
    var ticketsByHolder: [String: [Int64]] = [:]
    var lines: [String: WaitingLine] = [:]
    var pinnedLines: [String: WaitingLine] = [:]
    var windows: [String: WindowState] = [:]
    var lastSequence: [String: Int] = [:]
    var issuedToday: [String: Set<Int>] = [:]
    var serviceSamples: [String: [Double]] = [:]
    var alarmLevels: [String: AlarmLevel] = [:]
    var nextTicketID: Int64

    /// Starts a hall with nothing issued yet.
    public init(configuration: HallConfiguration, now: Date) {
        self.init(configuration: configuration, restoring: Snapshot(), now: now)
    }

    /// Rebuilds the hall from what the store holds.
    ///
    /// - Parameters:
    ///   - configuration: The hall's configuration; windows and businesses it no longer has are dropped.
    ///   - snapshot: The persisted state (see ``Snapshot``).
    ///   - now: The current time; its local day becomes the service day unless the snapshot's is later.
    public init(configuration: HallConfiguration, restoring snapshot: Snapshot, now: Date) {
        self.configuration = configuration
        self.clock = LocalClock(timeZone: configuration.timeZone)
        self.serviceDay = snapshot.serviceDay ?? clock.serviceDay(of: now)
        self.nextTicketID = snapshot.nextTicketID
        self.serviceSamples = snapshot.serviceSamples
        self.alarmLevels = snapshot.alarmLevels
        for window in configuration.windows {
            windows[window.id] = WindowState(id: window.id, businesses: window.businesses)
        }
        for saved in snapshot.windows where windows[saved.id] != nil {
            var state = saved
            state.businesses = saved.businesses.filter { configuration.business($0.business) != nil }
            windows[saved.id] = state
        }
        for ticket in snapshot.tickets {
            tickets[ticket.id] = ticket
            if ticket.serviceDay == serviceDay || ticket.status.isActive {
                ticketsByNumber[ticket.number] = ticket.id
            }
            if ticket.serviceDay == serviceDay {
                issuedToday[ticket.issuedBusiness, default: []].insert(ticket.sequence)
                if let key = ticket.holderKey { ticketsByHolder[key, default: []].append(ticket.id) }
            }
            if ticket.status == .waiting { enqueue(ticket) }
        }
        lastSequence =
            configuration.nightlyReset
            ? snapshot.tickets.filter { $0.serviceDay == serviceDay }
                .reduce(into: [:]) { last, ticket in last[ticket.issuedBusiness] = max(last[ticket.issuedBusiness] ?? 0, ticket.sequence) }
            : snapshot.lastSequences
        for (id, window) in windows {
            if let current = window.currentTicket, tickets[current]?.status != .called {
                windows[id]?.currentTicket = nil
            }
        }
    }

    /// The persisted state the engine is rebuilt from.
    public struct Snapshot: Sendable {
        /// The service day of the last operation, if any.
        public var serviceDay: ServiceDay?
        /// Tickets of that day, plus older ones still active.
        public var tickets: [Ticket]
        /// Saved window states.
        public var windows: [WindowState]
        /// The last sequence issued per business (carried across days in a 24-hour hall).
        public var lastSequences: [String: Int]
        /// Recent service times per business, oldest first.
        public var serviceSamples: [String: [Double]]
        /// The last alarm level per business.
        public var alarmLevels: [String: AlarmLevel]
        /// The id the next ticket gets.
        public var nextTicketID: Int64

        /// Creates a snapshot; the defaults describe an empty hall.
        public init(
            serviceDay: ServiceDay? = nil, tickets: [Ticket] = [], windows: [WindowState] = [],
            lastSequences: [String: Int] = [:], serviceSamples: [String: [Double]] = [:],
            alarmLevels: [String: AlarmLevel] = [:], nextTicketID: Int64 = 1
        ) {
            self.serviceDay = serviceDay
            self.tickets = tickets
            self.windows = windows
            self.lastSequences = lastSequences
            self.serviceSamples = serviceSamples
            self.alarmLevels = alarmLevels
            self.nextTicketID = nextTicketID
        }
    }

    // MARK: Lookups

    /// The ticket with this number issued today, or still active from an earlier day.
    public func ticket(number: String) -> Ticket? {
        ticketsByNumber[number.uppercased()].flatMap { tickets[$0] }
    }

    /// The ticket with this id, if the engine holds it.
    public func ticket(id: Int64) -> Ticket? {
        tickets[id]
    }

    /// A window's state.
    public func window(_ id: String) -> WindowState? {
        windows[id]
    }

    /// All windows in configuration order.
    public var allWindows: [WindowState] {
        configuration.windows.compactMap { windows[$0.id] }
    }

    /// Tickets held by the engine (today's and still-active older ones), by id.
    public var allTickets: [Ticket] {
        tickets.values.sorted { $0.id < $1.id }
    }

    /// How many tickets wait for a business (including ones pinned to windows).
    public func waitingCount(business: String) -> Int {
        (lines[business]?.count ?? 0) + pinnedWaiting(business: business)
    }

    // MARK: Internals shared by the operations

    func pinnedWaiting(business: String) -> Int {
        pinnedLines.values.reduce(0) { count, line in
            count + line.entries.filter { tickets[$0.id]?.business == business }.count
        }
    }

    func entry(of ticket: Ticket) -> WaitingLine.Entry {
        WaitingLine.Entry(key: ticket.queueKey, id: ticket.id)
    }

    mutating func enqueue(_ ticket: Ticket) {
        let entry = entry(of: ticket)
        if let window = ticket.pinnedWindow {
            pinnedLines[window, default: WaitingLine()].insert(entry, priority: ticket.priority)
        } else {
            lines[ticket.business, default: WaitingLine()].insert(entry, priority: ticket.priority)
        }
    }

    mutating func dequeue(_ ticket: Ticket) {
        let entry = entry(of: ticket)
        if let window = ticket.pinnedWindow {
            pinnedLines[window]?.remove(entry, priority: ticket.priority)
        } else {
            lines[ticket.business]?.remove(entry, priority: ticket.priority)
        }
    }

    mutating func store(_ ticket: Ticket, in change: inout QueueChange) {
        tickets[ticket.id] = ticket
        change.record(ticket)
    }

    mutating func store(_ window: WindowState, in change: inout QueueChange) {
        windows[window.id] = window
        change.record(window)
    }

    func event(
        _ kind: QueueEvent.Kind, at now: Date, ticket: Ticket? = nil, window: String? = nil,
        business: String? = nil, detail: [String: String] = [:]
    ) -> QueueEvent {
        QueueEvent(
            kind: kind, at: now, serviceDay: serviceDay, ticketID: ticket?.id, number: ticket?.number,
            business: business ?? ticket?.business, window: window, detail: detail)
    }

    func requireWindow(_ id: String) throws(QueueError) -> WindowState {
        guard let window = windows[id] else {
            throw QueueError(.unknownWindow, "没有编号为 \(id) 的窗口")
        }
        return window
    }

    func requireTicket(number: String) throws(QueueError) -> Ticket {
        guard let ticket = ticket(number: number) else {
            throw QueueError(.unknownTicket, "今天没有 \(number) 号")
        }
        return ticket
    }

    func windowName(_ id: String) -> String {
        configuration.window(id)?.name ?? id
    }
}
