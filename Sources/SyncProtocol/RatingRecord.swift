// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A 好差评 rating of a finished ticket, as the hall reports it upward.
public struct RatingRecord: Sendable, Hashable, Codable {
    /// The service day, `yyyy-MM-dd`.
    public var serviceDay: String
    /// The ticket number.
    public var ticketNumber: String
    /// The business's code.
    public var business: String
    /// The window that served it.
    public var window: String?
    /// 1 (非常不满意) … 5 (非常满意).
    public var level: Int
    /// The reason given for a poor rating.
    public var reason: String?
    /// When it was rated.
    public var ratedAt: Date

    /// Creates a rating record.
    public init(
        serviceDay: String, ticketNumber: String, business: String, window: String?, level: Int, reason: String?, ratedAt: Date
    ) {
        self.serviceDay = serviceDay
        self.ticketNumber = ticketNumber
        self.business = business
        self.window = window
        self.level = level
        self.reason = reason
        self.ratedAt = ratedAt
    }

    private enum CodingKeys: String, CodingKey {
        case serviceDay = "service_day", ticketNumber = "ticket_number", business, window, level, reason
        case ratedAt = "rated_at"
    }
}

/// One service day's queue figures per business, for the prefecture's view of its halls.
public struct DayStatistics: Sendable, Hashable, Codable {
    /// One business's figures.
    public struct Business: Sendable, Hashable, Codable {
        /// The business's code.
        public var code: String
        /// Tickets taken.
        public var taken: Int
        /// Tickets finished.
        public var served: Int
        /// Tickets skipped as no-shows.
        public var noShows: Int
        /// The mean wait until the call, in seconds.
        public var averageWaitSeconds: Double?
        /// The mean service time, in seconds.
        public var averageServiceSeconds: Double?

        /// Creates a business's figures.
        public init(
            code: String, taken: Int, served: Int, noShows: Int, averageWaitSeconds: Double?, averageServiceSeconds: Double?
        ) {
            self.code = code
            self.taken = taken
            self.served = served
            self.noShows = noShows
            self.averageWaitSeconds = averageWaitSeconds
            self.averageServiceSeconds = averageServiceSeconds
        }

        private enum CodingKeys: String, CodingKey {
            case code, taken, served, noShows = "no_shows", averageWaitSeconds = "average_wait_seconds"
            case averageServiceSeconds = "average_service_seconds"
        }
    }

    /// The service day, `yyyy-MM-dd`.
    public var serviceDay: String
    /// Per business.
    public var businesses: [Business]

    /// Creates a day's statistics.
    public init(serviceDay: String, businesses: [Business]) {
        self.serviceDay = serviceDay
        self.businesses = businesses
    }

    private enum CodingKeys: String, CodingKey {
        case serviceDay = "service_day", businesses
    }
}
