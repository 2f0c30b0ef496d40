// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// How far a waiting ticket is from being called.
public struct TicketEstimate: Sendable, Hashable, Codable {
    /// People who will be called before it, in strict priority order within its line.
    public var ahead: Int
    /// Estimated seconds until it is called, or `nil` when no open window serves its business.
    public var waitSeconds: Double?
}

/// One business as displays and the kiosk show it.
public struct BusinessStatus: Sendable, Hashable, Codable {
    /// The business code.
    public var code: String
    /// The Chinese name.
    public var name: String
    /// The ticket prefix.
    public var prefix: String
    /// How many wait.
    public var waiting: Int
    /// Its five-colour level.
    public var alarmLevel: AlarmLevel
    /// Seconds the longest-waiting ticket has waited.
    public var longestWaitSeconds: Double
    /// Open windows serving it.
    public var openWindows: Int
    /// Whether tickets can be taken now (open hours, capacity, numbers left).
    public var takingTickets: Bool
    /// The estimated wait of a ticket taken now.
    public var estimatedWaitSeconds: Double?
}

extension QueueEngine {
    /// People ahead and the estimated wait of a ticket; `nil` unless it is waiting.
    public func estimate(for ticket: Ticket, now: Date) -> TicketEstimate? {
        guard ticket.status == .waiting else { return nil }
        let ahead: Int
        if let pinned = ticket.pinnedWindow {
            ahead = pinnedLines[pinned]?.ahead(of: entry(of: ticket), priority: ticket.priority) ?? 0
        } else {
            ahead = lines[ticket.business]?.ahead(of: entry(of: ticket), priority: ticket.priority) ?? 0
        }
        return TicketEstimate(ahead: ahead, waitSeconds: estimatedWait(business: ticket.business, ahead: ahead, now: now))
    }

    /// The estimated seconds until a ticket of `business` with `ahead` people before it is called.
    public func estimatedWait(business: String, ahead: Int, now: Date) -> Double? {
        WaitEstimator.estimate(ahead: ahead, serviceSeconds: serviceSeconds(business), servers: servers(for: business, now: now))
    }

    /// The naive baseline for the same ticket: ahead × hall-wide mean service time ÷ open windows.
    public func naiveWait(ahead: Int) -> Double? {
        let samples = serviceSamples.values.flatMap { $0 }
        let mean =
            samples.isEmpty
            ? configuration.businesses.map(\.typicalServiceSeconds).reduce(0, +) / Double(max(1, configuration.businesses.count))
            : samples.reduce(0, +) / Double(samples.count)
        return WaitEstimator.naive(ahead: ahead, meanServiceSeconds: mean, openWindows: windows.values.filter { !$0.paused }.count)
    }

    /// The shrunk mean service time of a business (see ``WaitEstimator``).
    public func serviceSeconds(_ business: String) -> Double {
        let typical = configuration.business(business)?.typicalServiceSeconds ?? 300
        return WaitEstimator.serviceSeconds(
            samples: serviceSamples[business] ?? [], typical: typical, priorWeight: configuration.estimate.priorWeight)
    }

    private func servers(for business: String, now: Date) -> [WaitEstimator.Server] {
        windows.values.compactMap { window -> WaitEstimator.Server? in
            guard !window.paused, let weight = window.weight(of: business) else { return nil }
            let competing = window.businesses.filter { $0.business == business || waitingCount(business: $0.business) > 0 }
            let share = weight / competing.reduce(0) { $0 + $1.weight }
            var freeIn = 0.0
            if let current = window.currentTicket.flatMap({ tickets[$0] }), let calledAt = current.lastCalledAt {
                freeIn = WaitEstimator.remaining(
                    serviceSeconds: serviceSeconds(current.business), elapsed: now.timeIntervalSince(calledAt))
            }
            return WaitEstimator.Server(share: share, freeIn: freeIn)
        }
    }

    /// Every business with its waiting count, alarm level and the wait of a ticket taken now.
    public func businessStatuses(now: Date) -> [BusinessStatus] {
        let minute = clock.components(of: now).minuteOfDay
        return configuration.businesses.map { business in
            let waiting = waitingCount(business: business.code)
            let issued = issuedToday[business.code]?.count ?? 0
            let open = windows.values.filter { !$0.paused && $0.weight(of: business.code) != nil }.count
            let underCapacity = business.dailyCapacity.map { issued < $0 } ?? true
            let numbersLeft = !configuration.nightlyReset || (lastSequence[business.code] ?? 0) < business.maxSequence
            return BusinessStatus(
                code: business.code, name: business.name, prefix: business.prefix, waiting: waiting,
                alarmLevel: alarmLevel(for: business.code, now: now),
                longestWaitSeconds: longestWait(business: business.code, now: now), openWindows: open,
                takingTickets: business.openHours.contains(minuteOfDay: minute) && underCapacity && numbersLeft,
                estimatedWaitSeconds: estimatedWait(business: business.code, ahead: lines[business.code]?.count ?? 0, now: now))
        }
    }

    /// How many wait for a window: in the businesses it serves, plus tickets transferred to it.
    public func waitingForWindow(_ id: String) -> Int {
        guard let window = windows[id] else { return 0 }
        return window.businesses.reduce(pinnedLines[id]?.count ?? 0) { $0 + (lines[$1.business]?.count ?? 0) }
    }

    /// Tickets held at a window (挂起), oldest first.
    public func heldTickets(window id: String) -> [Ticket] {
        tickets.values.filter { $0.status == .held && $0.window == id }.sorted { $0.id < $1.id }
    }

    /// Today's skipped tickets (过号) that a window may re-activate, newest first.
    public func skippedTickets(window id: String) -> [Ticket] {
        guard let window = windows[id] else { return [] }
        return tickets.values
            .filter { $0.status == .skipped && ($0.window == id || window.weight(of: $0.business) != nil) }
            .sorted { $0.id > $1.id }
    }
}
