// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

extension QueueEngine {
    /// Calls the window's current ticket again (重呼), up to the configured limit.
    /// - Throws: ``QueueError`` `noCurrentTicket` or `recallLimitReached`.
    public mutating func recall(window id: String, now: Date) throws(QueueError) -> Outcome<Ticket> {
        var ticket = try currentTicket(of: id)
        let limit = configuration.windowRules.maxRecalls
        guard ticket.recallCount < limit else {
            throw QueueError(.recallLimitReached, "\(ticket.number) 已重呼 \(limit) 次，请过号")
        }
        ticket.recallCount += 1
        ticket.lastCalledAt = now
        var change = QueueChange()
        store(ticket, in: &change)
        change.record(
            event(
                .ticketRecalled, at: now, ticket: ticket, window: id,
                detail: ["recall": String(ticket.recallCount), "window_name": windowName(id)]))
        return Outcome(value: ticket, change: change)
    }

    /// Marks the current ticket as a no-show (过号); it can be re-activated later.
    /// - Throws: ``QueueError`` `noCurrentTicket`.
    public mutating func skip(window id: String, now: Date) throws(QueueError) -> Outcome<Ticket> {
        try setAside(window: id, as: .skipped, logging: .ticketSkipped, now: now)
    }

    /// Puts a skipped ticket back in line when the citizen turns up, behind the configured number of people.
    /// - Throws: ``QueueError`` `unknownTicket`, `invalidState` (not skipped), `notThisWindow`.
    public mutating func reactivate(window id: String, number: String, now: Date) throws(QueueError) -> Outcome<Ticket> {
        let window = try requireWindow(id)
        var ticket = try requireTicket(number: number)
        guard ticket.status == .skipped else {
            throw QueueError(.invalidState, "\(ticket.number) 不是过号状态")
        }
        guard ticket.window == id || window.weight(of: ticket.business) != nil else {
            throw QueueError(.notThisWindow, "\(ticket.number) 不属于\(windowName(id))")
        }
        ticket.status = .waiting
        ticket.closedAt = nil
        ticket.window = nil
        ticket.queueKey = reactivationKey(in: ticket.business, now: now)
        enqueue(ticket)
        var change = QueueChange()
        store(ticket, in: &change)
        change.record(
            event(
                .ticketReactivated, at: now, ticket: ticket, window: id,
                detail: ["places": String(configuration.windowRules.reactivatePlaces)]))
        updateAlarm(for: ticket.business, now: now, in: &change)
        return Outcome(value: ticket, change: change)
    }

    /// Sends the current ticket to another business or window (转移), keeping its original take time.
    /// - Parameters:
    ///   - business: The target business; `nil` keeps the ticket's business.
    ///   - targetWindow: A window that alone may call it; `nil` for any window serving the business.
    /// - Throws: ``QueueError`` `noCurrentTicket`, `unknownBusiness`, `unknownWindow`, `noOpenWindow`.
    public mutating func transfer(
        window id: String, toBusiness business: String?, toWindow targetWindow: String?, now: Date
    ) throws(QueueError) -> Outcome<Ticket> {
        var ticket = try currentTicket(of: id)
        let targetBusiness = business ?? ticket.business
        guard let target = configuration.business(targetBusiness) else {
            throw QueueError(.unknownBusiness, "没有代码为 \(targetBusiness) 的业务")
        }
        if let targetWindow {
            let state = try requireWindow(targetWindow)
            guard !state.paused else {
                throw QueueError(.noOpenWindow, "\(windowName(targetWindow))已暂停，不能转入")
            }
        } else {
            guard windows.values.contains(where: { !$0.paused && $0.weight(of: target.code) != nil }) else {
                throw QueueError(.noOpenWindow, "目前没有开放的窗口办理\(target.name)")
            }
        }
        if business == nil, targetWindow == nil {
            throw QueueError(.invalidArgument, "请指定转入的业务或窗口")
        }
        let from = ticket.business
        ticket.business = target.code
        ticket.pinnedWindow = targetWindow
        ticket.status = .waiting
        ticket.window = nil
        ticket.queueKey = ticket.takenAt
        ticket.transferCount += 1
        enqueue(ticket)
        var change = QueueChange()
        store(ticket, in: &change)
        release(window: id, in: &change)
        var detail = ["from_business": from, "to_business": target.code]
        if let targetWindow { detail["to_window"] = targetWindow }
        change.record(event(.ticketTransferred, at: now, ticket: ticket, window: id, detail: detail))
        updateAlarm(for: target.code, now: now, in: &change)
        return Outcome(value: ticket, change: change)
    }

    /// Puts the current ticket aside (挂起), e.g. while the citizen fetches a document; the window is free.
    /// - Throws: ``QueueError`` `noCurrentTicket`.
    public mutating func hold(window id: String, now: Date) throws(QueueError) -> Outcome<Ticket> {
        try setAside(window: id, as: .held, logging: .ticketHeld, now: now)
    }

    /// Calls a held ticket back to the window that held it (回呼), finishing what the window was serving.
    /// - Throws: ``QueueError`` `unknownTicket`, `invalidState` (not held), `notThisWindow`, `windowPaused`.
    public mutating func callBack(window id: String, number: String, now: Date) throws(QueueError) -> Outcome<Ticket> {
        var window = try requireWindow(id)
        var ticket = try requireTicket(number: number)
        guard ticket.status == .held else {
            throw QueueError(.invalidState, "\(ticket.number) 不是挂起状态")
        }
        guard ticket.window == id else {
            throw QueueError(.notThisWindow, "\(ticket.number) 挂起在其他窗口")
        }
        guard !window.paused else {
            throw QueueError(.windowPaused, "\(windowName(id))已暂停，请先恢复")
        }
        var change = QueueChange()
        window = try finishCurrent(of: id, now: now, into: &change)
        ticket.status = .called
        ticket.lastCalledAt = now
        ticket.recallCount = 0
        window.currentTicket = ticket.id
        store(ticket, in: &change)
        store(window, in: &change)
        change.record(
            event(
                .ticketCalled, at: now, ticket: ticket, window: id,
                detail: ["reason": "回呼挂起的号", "priority": ticket.priority.rawValue, "window_name": windowName(id)]))
        return Outcome(value: ticket, change: change)
    }

    /// Finishes the current ticket with an outcome code (办结).
    /// - Parameter outcome: One of the configured outcomes; `nil` for the first (default) one.
    /// - Throws: ``QueueError`` `noCurrentTicket` or `invalidArgument` for an unknown outcome.
    public mutating func finish(window id: String, outcome: String?, now: Date) throws(QueueError) -> Outcome<Ticket> {
        let outcomes = configuration.windowRules.outcomes
        let code = outcome ?? outcomes.first ?? "done"
        guard outcomes.contains(code) else {
            throw QueueError(.invalidArgument, "办结结果须为以下之一：\(outcomes.joined(separator: ", "))")
        }
        var ticket = try currentTicket(of: id)
        ticket.status = .finished
        ticket.closedAt = now
        ticket.outcome = code
        var change = QueueChange()
        store(ticket, in: &change)
        release(window: id, in: &change)
        if let seconds = ticket.serviceSeconds {
            var samples = serviceSamples[ticket.business, default: []]
            samples.append(seconds)
            if samples.count > configuration.estimate.sampleSize { samples.removeFirst(samples.count - configuration.estimate.sampleSize) }
            serviceSamples[ticket.business] = samples
        }
        change.record(event(.ticketFinished, at: now, ticket: ticket, window: id, detail: ["outcome": code]))
        return Outcome(value: ticket, change: change)
    }

    /// Pauses (暂停) or resumes a window. A paused window calls nobody and counts for no estimate.
    /// - Throws: ``QueueError`` `unknownWindow`.
    public mutating func setPaused(window id: String, _ paused: Bool, now: Date) throws(QueueError) -> Outcome<WindowState> {
        var window = try requireWindow(id)
        var change = QueueChange()
        guard window.paused != paused else { return Outcome(value: window, change: change) }
        window.paused = paused
        store(window, in: &change)
        change.record(event(paused ? .windowPaused : .windowResumed, at: now, window: id))
        for served in window.businesses { updateAlarm(for: served.business, now: now, in: &change) }
        return Outcome(value: window, change: change)
    }

    /// Switches the businesses a window serves at run time (潮汐窗口).
    /// - Throws: ``QueueError`` `unknownWindow`, `unknownBusiness`, or `invalidArgument` (empty, duplicate, weight ≤ 0).
    public mutating func setBusinesses(window id: String, _ businesses: [ServedBusiness], now: Date) throws(QueueError) -> Outcome<WindowState> {
        var window = try requireWindow(id)
        guard !businesses.isEmpty, Set(businesses.map(\.business)).count == businesses.count else {
            throw QueueError(.invalidArgument, "业务列表不能为空，也不能重复")
        }
        for served in businesses {
            guard configuration.business(served.business) != nil else {
                throw QueueError(.unknownBusiness, "没有代码为 \(served.business) 的业务")
            }
            guard served.weight > 0, served.weight.isFinite else {
                throw QueueError(.invalidArgument, "业务权重须大于 0")
            }
        }
        window.businesses = businesses
        var change = QueueChange()
        store(window, in: &change)
        change.record(
            event(
                .windowBusinessesChanged, at: now, window: id,
                detail: ["businesses": businesses.map { "\($0.business)×\(Self.format($0.weight))" }.joined(separator: ",")]))
        return Outcome(value: window, change: change)
    }

    /// Records the citizen's rating (好差评) of a ticket finished at this window; once per ticket.
    /// - Throws: ``QueueError`` `unknownTicket`, `invalidState` (not finished), `notThisWindow`, `alreadyRated`.
    public mutating func rate(
        window id: String, number: String, level: RatingLevel, reason: String?, now: Date
    ) throws(QueueError) -> Outcome<Ticket> {
        _ = try requireWindow(id)
        var ticket = try requireTicket(number: number)
        guard ticket.status == .finished else {
            throw QueueError(.invalidState, "\(ticket.number) 尚未办结，不能评价")
        }
        guard ticket.window == id else {
            throw QueueError(.notThisWindow, "\(ticket.number) 不是在\(windowName(id))办理的")
        }
        guard ticket.rating == nil else {
            throw QueueError(.alreadyRated, "\(ticket.number) 已经评价过了")
        }
        if let reason, reason.count > 200 {
            throw QueueError(.invalidArgument, "评价理由不能超过 200 字")
        }
        ticket.rating = Rating(level: level, reason: reason, ratedAt: now)
        var change = QueueChange()
        store(ticket, in: &change)
        change.record(event(.ticketRated, at: now, ticket: ticket, window: id, detail: ["level": String(level.rawValue)]))
        return Outcome(value: ticket, change: change)
    }

    // MARK: Helpers

    private func currentTicket(of id: String) throws(QueueError) -> Ticket {
        let window = try requireWindow(id)
        guard let current = window.currentTicket, let ticket = tickets[current], ticket.status == .called else {
            throw QueueError(.noCurrentTicket, "\(windowName(id))当前没有正在办理的号")
        }
        return ticket
    }

    /// Takes the current ticket off the window as skipped (no-show) or held; the window is free again.
    private mutating func setAside(
        window id: String, as status: TicketStatus, logging kind: QueueEvent.Kind, now: Date
    ) throws(QueueError) -> Outcome<Ticket> {
        var ticket = try currentTicket(of: id)
        ticket.status = status
        if status == .skipped { ticket.closedAt = now }
        var change = QueueChange()
        store(ticket, in: &change)
        release(window: id, in: &change)
        change.record(event(kind, at: now, ticket: ticket, window: id))
        return Outcome(value: ticket, change: change)
    }

    /// Finishes what the window is serving, if anything, with the default outcome (a new call ends the
    /// previous service), and returns the window as it is then.
    mutating func finishCurrent(of id: String, now: Date, into change: inout QueueChange) throws(QueueError) -> WindowState {
        if windows[id]?.currentTicket != nil {
            change.merge(try finish(window: id, outcome: nil, now: now).change)
        }
        return try requireWindow(id)
    }

    private mutating func release(window id: String, in change: inout QueueChange) {
        guard var window = windows[id] else { return }
        window.currentTicket = nil
        store(window, in: &change)
    }

    /// A queue key that places a re-activated ticket behind `reactivatePlaces` people of its business.
    private func reactivationKey(in business: String, now: Date) -> Date {
        let line = lines[business] ?? WaitingLine()
        let places = configuration.windowRules.reactivatePlaces
        guard places > 0 else {
            return (line.earliestKey ?? now).addingTimeInterval(-0.001)
        }
        guard let (_, before) = line.entry(atStrictPosition: places - 1) else {
            let last = line.entries.map(\.key).max()
            return max(now, last.map { $0.addingTimeInterval(0.001) } ?? now)
        }
        let after = line.entry(atStrictPosition: places)?.entry.key
        let gap = after.map { $0.timeIntervalSince(before.key) / 2 } ?? 0.001
        return before.key.addingTimeInterval(max(gap, 0.000_001))
    }
}
