// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

extension QueueEngine {
    /// Calls the next ticket to a window (叫号), finishing the ticket it was serving with the default outcome.
    ///
    /// The candidates are the longest-waiting ticket of each priority class in each business the window
    /// serves, plus tickets transferred to this window. Each candidate's wait is multiplied by the
    /// window's weight for its business; the calling policy then decides (see ``CallingPolicy``).
    /// - Throws: ``QueueError`` `unknownWindow` or `windowPaused`.
    /// - Returns: The call, or `nil` when nobody waits for this window.
    public mutating func callNext(window id: String, now: Date) throws(QueueError) -> Outcome<Call?> {
        var window = try requireWindow(id)
        guard !window.paused else {
            throw QueueError(.windowPaused, "\(windowName(id))已暂停，请先恢复")
        }
        var change = QueueChange()
        window = try finishCurrent(of: id, now: now, into: &change)
        guard let (choice, explanation) = choose(for: window, now: now) else {
            return Outcome(value: nil, change: change)
        }
        var ticket = tickets[choice.id]!
        dequeue(ticket)
        ticket.pinnedWindow = nil
        ticket.status = .called
        ticket.window = id
        ticket.firstCalledAt = ticket.firstCalledAt ?? now
        ticket.lastCalledAt = now
        ticket.recallCount = 0
        store(ticket, in: &change)
        if case .interleave(let priorityRun, let normalRun) = configuration.callingPolicy, choice.advancesCycle {
            window.interleavePosition = (window.interleavePosition + 1) % max(1, priorityRun + normalRun)
        }
        window.currentTicket = ticket.id
        store(window, in: &change)
        let reason = CallReason(
            policy: configuration.callingPolicy.description, priority: ticket.priority,
            waitedSeconds: now.timeIntervalSince(ticket.takenAt), weight: choice.weight, pinned: choice.pinned,
            explanation: explanation)
        change.record(
            event(
                .ticketCalled, at: now, ticket: ticket, window: id,
                detail: ["reason": explanation, "priority": ticket.priority.rawValue, "window_name": windowName(id)]))
        updateAlarm(for: ticket.business, now: now, in: &change)
        return Outcome(value: Call(ticket: ticket, reason: reason), change: change)
    }

    /// A ticket that could be called, as the policy sees it.
    struct Candidate {
        var id: Int64
        var priority: PriorityClass
        var key: Date
        var weight: Double
        var pinned: Bool
        var advancesCycle = true
        var weightedWait: Double = 0
    }

    private func candidates(for window: WindowState, now: Date) -> [Candidate] {
        var found: [Candidate] = []
        for served in window.businesses {
            for (priority, entry) in lines[served.business]?.heads ?? [] {
                found.append(Candidate(id: entry.id, priority: priority, key: entry.key, weight: served.weight, pinned: false))
            }
        }
        for (priority, entry) in pinnedLines[window.id]?.heads ?? [] {
            let weight = tickets[entry.id].flatMap { window.weight(of: $0.business) } ?? 1
            found.append(Candidate(id: entry.id, priority: priority, key: entry.key, weight: weight, pinned: true))
        }
        return found.map { candidate in
            var weighted = candidate
            weighted.weightedWait = max(0, now.timeIntervalSince(candidate.key)) * candidate.weight
            return weighted
        }
    }

    /// Strict order: class rank, then weighted wait, then the earlier key, then the lower id.
    private static func strictlyBefore(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
        if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
        if lhs.weightedWait != rhs.weightedWait { return lhs.weightedWait > rhs.weightedWait }
        if lhs.key != rhs.key { return lhs.key < rhs.key }
        return lhs.id < rhs.id
    }

    private func choose(for window: WindowState, now: Date) -> (Candidate, String)? {
        let all = candidates(for: window, now: now)
        guard !all.isEmpty else { return nil }
        let minutes = { (candidate: Candidate) in Int((now.timeIntervalSince(candidate.key) / 60).rounded()) }
        let describe = { (candidate: Candidate) -> String in
            var text = "\(candidate.priority.label)，已等 \(minutes(candidate)) 分钟"
            if candidate.weight != 1 { text += "，业务权重 \(Self.format(candidate.weight))" }
            if candidate.pinned { text += "，转入本窗口" }
            return text
        }
        switch configuration.callingPolicy {
        case .strict:
            let best = all.min(by: Self.strictlyBefore)!
            return (best, "严格优先：" + describe(best))
        case .aged:
            let rules = configuration.priority
            let score = { (candidate: Candidate) in candidate.weightedWait * rules.agedWeight(candidate.priority) }
            let best = all.min { lhs, rhs in
                score(lhs) != score(rhs) ? score(lhs) > score(rhs) : Self.strictlyBefore(lhs, rhs)
            }!
            return (best, "加权等待（×\(Self.format(rules.agedWeight(best.priority)))）：" + describe(best))
        case .interleave(let priorityRun, let normalRun):
            let wantsPriority = window.interleavePosition < priorityRun
            let priorityPool = all.filter(\.priority.isPriority)
            let normalPool = all.filter { !$0.priority.isPriority }
            let preferred = wantsPriority ? priorityPool : normalPool
            let cycle = "穿插 \(priorityRun):\(normalRun)"
            if let best = preferred.min(by: Self.strictlyBefore) {
                let turn = wantsPriority ? "轮到优先号" : "轮到普通号"
                return (best, "\(cycle)，\(turn)：" + describe(best))
            }
            var best = all.min(by: Self.strictlyBefore)!
            best.advancesCycle = false
            let none = wantsPriority ? "无优先号等候" : "无普通号等候"
            return (best, "\(cycle)，\(none)：" + describe(best))
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
