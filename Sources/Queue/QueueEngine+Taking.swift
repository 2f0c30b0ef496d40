// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// What a citizen (or the kiosk on their behalf) asks for when taking a number.
public struct TakeRequest: Sendable, Hashable {
    /// The business code.
    public var business: String
    /// A priority claimed by the kiosk flow (appointment check-in, green channel).
    public var priority: PriorityClass
    /// The green-channel category (`disabled`, `military`, …) when claiming the green channel.
    public var priorityCategory: String?
    /// The holder's birth date from the ID card (`yyyyMMdd`), for the elderly priority.
    public var birthDate: String?
    /// A keyed hash of the card holder's ID number (never the number itself), binding the ticket to them:
    /// one ticket per person per business per day.
    public var holderKey: String?

    /// Creates a request; by default a normal ticket not bound to a card.
    public init(
        business: String, priority: PriorityClass = .normal, priorityCategory: String? = nil, birthDate: String? = nil,
        holderKey: String? = nil
    ) {
        self.business = business
        self.priority = priority
        self.priorityCategory = priorityCategory
        self.birthDate = birthDate
        self.holderKey = holderKey
    }
}

extension QueueEngine {
    /// Issues a ticket: the business's prefix and its next daily sequence, in the resolved priority class.
    ///
    /// Call ``startDayIfNeeded(now:)`` first so the number belongs to today's series.
    /// - Throws: ``QueueError`` `unknownBusiness`, `outsideHours`, `capacityReached`,
    ///   `sequenceExhausted`, `alreadyHasTicket` (with the existing number) for a card holder who already
    ///   took one for this business today, or `invalidArgument` for an unknown green-channel category or birth date.
    /// - Returns: The waiting ticket.
    public mutating func take(_ request: TakeRequest, now: Date) throws(QueueError) -> Outcome<Ticket> {
        guard let business = configuration.business(request.business) else {
            throw QueueError(.unknownBusiness, "没有代码为 \(request.business) 的业务")
        }
        let (priority, category) = try resolvePriority(request, now: now)
        if let key = request.holderKey,
            let existing = ticketsByHolder[key]?.compactMap({ tickets[$0] }).first(where: { $0.issuedBusiness == business.code })
        {
            throw QueueError(
                .alreadyHasTicket, "您今天已取过\(business.name)的号：\(existing.number)，请留意叫号", ticketNumber: existing.number)
        }
        guard business.openHours.contains(minuteOfDay: clock.components(of: now).minuteOfDay) else {
            throw QueueError(.outsideHours, "\(business.name)现在不取号，取号时间为 \(business.openHours)")
        }
        let issued = issuedToday[business.code] ?? []
        if let capacity = business.dailyCapacity, issued.count >= capacity {
            throw QueueError(.capacityReached, "\(business.name)今日号源已取完（每日 \(capacity) 个）")
        }
        let sequence = try nextSequence(for: business, issued: issued)
        var ticket = Ticket(
            id: nextTicketID, serviceDay: serviceDay, number: business.number(for: sequence), sequence: sequence,
            business: business.code, priority: priority, priorityCategory: category, takenAt: now)
        ticket.holderKey = request.holderKey
        if let key = request.holderKey { ticketsByHolder[key, default: []].append(ticket.id) }
        nextTicketID += 1
        lastSequence[business.code] = sequence
        issuedToday[business.code, default: []].insert(sequence)
        ticketsByNumber[ticket.number] = ticket.id
        enqueue(ticket)
        var change = QueueChange()
        store(ticket, in: &change)
        var detail = ["priority": priority.rawValue]
        if let category { detail["category"] = category }
        change.record(event(.ticketTaken, at: now, ticket: ticket, detail: detail))
        updateAlarm(for: business.code, now: now, in: &change)
        return Outcome(value: ticket, change: change)
    }

    private func resolvePriority(_ request: TakeRequest, now: Date) throws(QueueError) -> (PriorityClass, String?) {
        var priority = request.priority
        var category: String? = nil
        if priority == .greenChannel {
            guard let claimed = request.priorityCategory,
                configuration.priority.greenChannelCategories.contains(claimed)
            else {
                let known = configuration.priority.greenChannelCategories.joined(separator: ", ")
                throw QueueError(.invalidArgument, "绿色通道类别须为以下之一：\(known)")
            }
            category = claimed
        }
        if let birthDate = request.birthDate {
            guard let age = clock.age(birthDate: birthDate, on: now) else {
                throw QueueError(.invalidArgument, "出生日期格式应为 yyyyMMdd")
            }
            if age >= configuration.priority.elderlyAge, priority < .elderly {
                priority = .elderly
            }
        }
        return (priority, category)
    }

    /// The next free sequence. A daily-reset hall never wraps; a 24-hour hall wraps past the
    /// width's maximum but never reissues a number issued today or still held by an active ticket.
    private func nextSequence(for business: Business, issued: Set<Int>) throws(QueueError) -> Int {
        let exhausted = QueueError(.sequenceExhausted, "\(business.name)今日号码已用完（最大 \(business.maxSequence)）")
        var candidate = (lastSequence[business.code] ?? 0) + 1
        if configuration.nightlyReset {
            guard candidate <= business.maxSequence else { throw exhausted }
            return candidate
        }
        for _ in 0..<business.maxSequence {
            if candidate > business.maxSequence { candidate = 1 }
            let activeHolder = ticketsByNumber[business.number(for: candidate)].flatMap { tickets[$0] }
            if !issued.contains(candidate), activeHolder?.status.isActive != true {
                return candidate
            }
            candidate += 1
        }
        throw exhausted
    }
}
