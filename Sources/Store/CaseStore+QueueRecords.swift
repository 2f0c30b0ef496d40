// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import GRDB
import SyncProtocol

extension CaseStore {
    /// What ``forwardQueueRecords(before:at:limit:)`` put into the outbox.
    public struct ForwardedRecords: Sendable, Hashable {
        /// Ratings (好差评) forwarded.
        public var ratings: Int
        /// Service days whose statistics were forwarded.
        public var days: Int

        /// Creates a count.
        public init(ratings: Int, days: Int) {
            self.ratings = ratings
            self.days = days
        }

        /// Whether anything was forwarded.
        public var isEmpty: Bool { ratings == 0 && days == 0 }
    }

    /// Copies the queue's settled records into the outbox, so they reach the central server the way cases do:
    /// each rating given since the last call, and the statistics of every finished service day not yet sent.
    ///
    /// It runs as one transaction that also advances its marks (`counter` rows `rating_event` and
    /// `statistics_day`), so a record enters the outbox exactly once whatever crashes when. The queue's own
    /// writes are untouched: a rating is committed by the queue first and forwarded at the next call.
    /// - Parameters:
    ///   - today: The hall's current service day, `yyyy-MM-dd`; days before it are finished.
    ///   - now: The operations' creation time.
    ///   - limit: The most ratings forwarded in one call (the rest at the next).
    /// - Returns: How many of each were forwarded.
    /// - Throws: ``StoreError`` `writeFailed`; nothing is forwarded then.
    @discardableResult
    public func forwardQueueRecords(before today: String, at now: Date, limit: Int = 500) throws(StoreError)
        -> ForwardedRecords
    {
        do {
            let encoder = SyncJSON.encoder()
            return try writer.write { db in
                var forwarded = ForwardedRecords(ratings: 0, days: 0)
                for rating in try Self.ratings(after: try Self.value(of: "rating_event", in: db), limit: limit, in: db) {
                    try appendOperation(.ratingGiven(rating.record), createdAt: now, encoder: encoder, in: db)
                    try db.execute(sql: "UPDATE counter SET value = ? WHERE name = 'rating_event'", arguments: [rating.eventSeq])
                    forwarded.ratings += 1
                }
                let lastDay = try Self.value(of: "statistics_day", in: db)
                for statistics in try Self.dayStatistics(after: Self.dayText(lastDay), before: today, in: db) {
                    try appendOperation(.dayStatistics(statistics), createdAt: now, encoder: encoder, in: db)
                    try db.execute(
                        sql: "UPDATE counter SET value = ? WHERE name = 'statistics_day'",
                        arguments: [Self.dayValue(statistics.serviceDay)])
                    forwarded.days += 1
                }
                return forwarded
            }
        } catch {
            throw StoreError(.writeFailed, "cannot forward queue records to the outbox", underlying: error)
        }
    }

    private static func value(of counter: String, in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM counter WHERE name = ?", arguments: [counter]) ?? 0
    }

    /// The ratings of `ticket_rated` events after a log sequence number, as the ticket holds them now.
    private static func ratings(after eventSeq: Int64, limit: Int, in db: Database) throws
        -> [(eventSeq: Int64, record: RatingRecord)]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT event.seq, ticket.service_day, ticket.number, ticket.business, ticket.window_id,
                    ticket.rating_level, ticket.rating_reason, ticket.rated_at
                FROM event JOIN ticket ON ticket.id = event.ticket_id
                WHERE event.seq > ? AND event.kind = 'ticket_rated' AND ticket.rating_level IS NOT NULL
                ORDER BY event.seq LIMIT ?
                """, arguments: [eventSeq, limit]
        ).map { row in
            let record = RatingRecord(
                serviceDay: row[1], ticketNumber: row[2], business: row[3], window: row[4], level: row[5], reason: row[6],
                ratedAt: Date(timeIntervalSince1970: row[7] ?? 0))
            return (row[0], record)
        }
    }

    /// Per-business figures of the service days after `after` and before `before` that have tickets.
    private static func dayStatistics(after: String, before: String, in db: Database) throws -> [DayStatistics] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT service_day, business, COUNT(*),
                    SUM(status = 'finished'),
                    SUM(first_called_at IS NOT NULL AND status != 'finished'),
                    AVG(first_called_at - taken_at),
                    AVG(CASE WHEN status = 'finished' THEN closed_at - last_called_at END)
                FROM ticket WHERE service_day > ? AND service_day < ?
                GROUP BY service_day, business ORDER BY service_day, business
                """, arguments: [after, before])
        var days: [DayStatistics] = []
        for row in rows {
            let day: String = row[0]
            let business = DayStatistics.Business(
                code: row[1], taken: row[2], served: row[3], noShows: row[4], averageWaitSeconds: row[5],
                averageServiceSeconds: row[6])
            if days.last?.serviceDay == day {
                days[days.count - 1].businesses.append(business)
            } else {
                days.append(DayStatistics(serviceDay: day, businesses: [business]))
            }
        }
        return days
    }

    /// `yyyy-MM-dd` as the integer `yyyyMMdd` the counter keeps.
    private static func dayValue(_ day: String) -> Int64 { Int64(day.filter(\.isNumber)) ?? 0 }

    /// The counter's `yyyyMMdd` as `yyyy-MM-dd`; `""` (before every day) for 0.
    private static func dayText(_ value: Int64) -> String {
        guard value > 0 else { return "" }
        return String(format: "%04lld-%02lld-%02lld", value / 10_000, value / 100 % 100, value % 100)
    }
}
