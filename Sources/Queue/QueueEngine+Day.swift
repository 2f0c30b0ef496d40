// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

extension QueueEngine {
    /// Starts a new service day when `now` is past the hall's local midnight; otherwise changes nothing.
    ///
    /// In a daily-reset hall the numbering restarts at 1 and every ticket still open (waiting, called,
    /// held, skipped) expires. A 24-hour hall (`nightly_reset = false`) keeps its queue and its number
    /// series; only the daily counts (capacity, statistics) restart.
    public mutating func startDayIfNeeded(now: Date) -> QueueChange {
        let today = clock.serviceDay(of: now)
        var change = QueueChange()
        guard today > serviceDay else { return change }
        var expired = 0
        if configuration.nightlyReset {
            for var ticket in tickets.values where ticket.status.isActive {
                if ticket.status == .waiting { dequeue(ticket) }
                ticket.status = .expired
                ticket.closedAt = now
                store(ticket, in: &change)
                change.record(event(.ticketExpired, at: now, ticket: ticket))
                expired += 1
            }
            for var window in windows.values where window.currentTicket != nil || window.interleavePosition != 0 {
                window.currentTicket = nil
                window.interleavePosition = 0
                store(window, in: &change)
            }
            lastSequence = [:]
        }
        serviceDay = today
        issuedToday = [:]
        ticketsByHolder = [:]
        // Only open tickets stay in memory, and none keeps its holder's key past its day (the store erases
        // the keys of ended days in the same transaction as the `day_started` event).
        tickets = tickets.filter { $0.value.status.isActive }.mapValues { ticket in
            var carried = ticket
            carried.holderKey = nil
            return carried
        }
        ticketsByNumber = Dictionary(tickets.values.map { ($0.number, $0.id) }, uniquingKeysWith: max)
        change.record(event(.dayStarted, at: now, detail: ["expired": String(expired)]))
        evaluateAlarms(now: now, into: &change)
        return change
    }

    /// When the current service day ends, so the owner can schedule the roll-over.
    public func endOfServiceDay(after now: Date) -> Date {
        clock.nextMidnight(after: now)
    }

    /// Re-evaluates every business's alarm level (the longest wait grows with time alone).
    public mutating func evaluateAlarms(now: Date) -> QueueChange {
        var change = QueueChange()
        evaluateAlarms(now: now, into: &change)
        return change
    }

    private mutating func evaluateAlarms(now: Date, into change: inout QueueChange) {
        for business in configuration.businesses {
            updateAlarm(for: business.code, now: now, in: &change)
        }
    }

    /// The five-colour level of one business now (五色预警).
    public func alarmLevel(for business: String, now: Date) -> AlarmLevel {
        configuration.alarm.level(waiting: waitingCount(business: business), longestWait: longestWait(business: business, now: now))
    }

    /// Seconds the longest-waiting ticket of a business has waited (0 when none waits).
    public func longestWait(business: String, now: Date) -> Double {
        var earliest = lines[business]?.earliestKey
        for line in pinnedLines.values {
            for entry in line.entries where tickets[entry.id]?.business == business {
                earliest = min(earliest ?? entry.key, entry.key)
            }
        }
        return earliest.map { max(0, now.timeIntervalSince($0)) } ?? 0
    }

    mutating func updateAlarm(for business: String, now: Date, in change: inout QueueChange) {
        let level = alarmLevel(for: business, now: now)
        let previous = alarmLevels[business] ?? .blue
        guard level != previous else { return }
        alarmLevels[business] = level
        change.record(
            event(
                .alarmChanged, at: now, business: business,
                detail: [
                    "from": previous.rawValue, "to": level.rawValue,
                    "waiting": String(waitingCount(business: business)),
                    "longest_wait_seconds": String(Int(longestWait(business: business, now: now))),
                ]))
    }
}
