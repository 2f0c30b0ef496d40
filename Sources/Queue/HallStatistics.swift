// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// The day's figures for the hall manager, per business and per window.
public struct HallStatistics: Sendable, Hashable, Codable {
    /// Counts and times of one business or one window.
    public struct Figures: Sendable, Hashable, Codable {
        /// The business code or window id.
        public var id: String
        /// Tickets issued (business) or called (window).
        public var tickets: Int = 0
        /// Tickets waiting now.
        public var waiting: Int = 0
        /// Tickets finished.
        public var finished: Int = 0
        /// Tickets skipped as no-shows and not re-activated.
        public var skipped: Int = 0
        /// Mean seconds from taking to the last call, over called tickets.
        public var meanWaitSeconds: Double?
        /// Longest seconds from taking to the last call.
        public var maxWaitSeconds: Double?
        /// Mean seconds from the last call to finishing.
        public var meanServiceSeconds: Double?
        /// Ratings (好差评) by level, `"1"` (非常不满意) … `"5"` (非常满意).
        public var ratings: [String: Int] = [:]
        /// Share of ratings that are 满意 or 非常满意, when any were given.
        public var satisfaction: Double?
    }

    /// The service day.
    public var serviceDay: ServiceDay
    /// Per business, in configuration order.
    public var businesses: [Figures]
    /// Per window, in configuration order.
    public var windows: [Figures]
}

extension QueueEngine {
    /// Figures of the current service day, from the tickets the engine holds.
    public func statistics(now: Date) -> HallStatistics {
        let today = tickets.values.filter { $0.serviceDay == serviceDay }
        let businesses = configuration.businesses.map { business in
            Self.figures(id: business.code, tickets: today.filter { $0.issuedBusiness == business.code }, now: now)
        }
        let windowFigures = configuration.windows.map { window in
            Self.figures(id: window.id, tickets: today.filter { $0.window == window.id && $0.firstCalledAt != nil }, now: now)
        }
        var result = HallStatistics(serviceDay: serviceDay, businesses: businesses, windows: windowFigures)
        for index in result.businesses.indices {
            result.businesses[index].waiting = waitingCount(business: result.businesses[index].id)
        }
        return result
    }

    private static func figures(id: String, tickets: [Ticket], now: Date) -> HallStatistics.Figures {
        var figures = HallStatistics.Figures(id: id)
        figures.tickets = tickets.count
        figures.finished = tickets.filter { $0.status == .finished }.count
        figures.skipped = tickets.filter { $0.status == .skipped }.count
        let waits = tickets.filter { $0.lastCalledAt != nil }.map { $0.waitedSeconds(now: now) }
        if !waits.isEmpty {
            figures.meanWaitSeconds = waits.reduce(0, +) / Double(waits.count)
            figures.maxWaitSeconds = waits.max()
        }
        let services = tickets.compactMap(\.serviceSeconds)
        if !services.isEmpty { figures.meanServiceSeconds = services.reduce(0, +) / Double(services.count) }
        let ratings = tickets.compactMap(\.rating?.level)
        for level in ratings { figures.ratings[String(level.rawValue), default: 0] += 1 }
        if !ratings.isEmpty {
            figures.satisfaction = Double(ratings.filter { $0.rawValue >= 4 }.count) / Double(ratings.count)
        }
        return figures
    }
}
