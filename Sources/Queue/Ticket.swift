// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Where a ticket is in its life. Stored and sent as the raw value.
public enum TicketStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// In a waiting line.
    case waiting
    /// Called to a window and being served there.
    case called
    /// Put aside by its window (挂起) until called back.
    case held
    /// Did not come when called (过号); can be re-activated.
    case skipped
    /// Served; carries an outcome code.
    case finished
    /// Still open when its service day ended.
    case expired

    /// Whether the ticket still needs something from the hall.
    public var isActive: Bool {
        switch self {
        case .waiting, .called, .held, .skipped: true
        case .finished, .expired: false
        }
    }
}

/// One queue ticket (取号凭条) and everything that happened to it.
public struct Ticket: Sendable, Hashable, Codable, Identifiable {
    /// The store's id, unique across days.
    public let id: Int64
    /// The service day it was issued on.
    public let serviceDay: ServiceDay
    /// The printed number, e.g. `A001`.
    public let number: String
    /// The daily sequence behind the number.
    public let sequence: Int
    /// The business it was issued for.
    public let issuedBusiness: String
    /// The business it now waits for or is served in (differs after a transfer).
    public var business: String
    /// Its priority class.
    public var priority: PriorityClass
    /// The green-channel category, when ``priority`` is ``PriorityClass/greenChannel``.
    public var priorityCategory: String?
    /// Where it is in its life.
    public var status: TicketStatus
    /// When it was taken; transfers keep it.
    public let takenAt: Date
    /// Its place in the waiting line: the take time, or a later place after a re-activation.
    public var queueKey: Date
    /// The only window that may call it, after a transfer to a window.
    public var pinnedWindow: String?
    /// The window serving it, or that last served, held or skipped it.
    public var window: String?
    /// The first time it was called.
    public var firstCalledAt: Date?
    /// The last time it was called (recall, call-back): waiting time counts to here.
    public var lastCalledAt: Date?
    /// How many times it was recalled at its current window.
    public var recallCount: Int
    /// How many times it was transferred.
    public var transferCount: Int
    /// When it was finished, skipped or expired.
    public var closedAt: Date?
    /// The outcome code it was finished with.
    public var outcome: String?
    /// The citizen's rating, once given.
    public var rating: Rating?
    /// A keyed hash of the card holder's ID number when the ticket was taken with a card; erased when
    /// its service day ends.
    public var holderKey: String?

    /// Creates a freshly issued, waiting ticket.
    public init(
        id: Int64, serviceDay: ServiceDay, number: String, sequence: Int, business: String,
        priority: PriorityClass, priorityCategory: String?, takenAt: Date
    ) {
        self.id = id
        self.serviceDay = serviceDay
        self.number = number
        self.sequence = sequence
        self.issuedBusiness = business
        self.business = business
        self.priority = priority
        self.priorityCategory = priorityCategory
        self.status = .waiting
        self.takenAt = takenAt
        self.queueKey = takenAt
        self.recallCount = 0
        self.transferCount = 0
    }

    /// Seconds waited: from taking to the last call, or to `now` while still waiting.
    public func waitedSeconds(now: Date) -> Double {
        (lastCalledAt ?? now).timeIntervalSince(takenAt)
    }

    /// Seconds of service: from the last call to finishing.
    public var serviceSeconds: Double? {
        guard status == .finished, let start = lastCalledAt, let end = closedAt else { return nil }
        return end.timeIntervalSince(start)
    }
}
