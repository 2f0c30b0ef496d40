// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Queue

/// A row of the `ticket` table.
struct TicketRecord: Codable, Sendable, FetchableRecord {

    var id: Int64
    var serviceDay: String
    var number: String
    var sequence: Int
    var issuedBusiness: String
    var business: String
    var priority: String
    var priorityCategory: String?
    var status: String
    var takenAt: Double
    var queueKey: Double
    var pinnedWindow: String?
    var windowId: String?
    var firstCalledAt: Double?
    var lastCalledAt: Double?
    var recallCount: Int
    var transferCount: Int
    var closedAt: Double?
    var outcome: String?
    var ratingLevel: Int?
    var ratingReason: String?
    var ratedAt: Double?
    var holderKey: String?

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ ticket: Ticket) {
        id = ticket.id
        serviceDay = ticket.serviceDay.text
        number = ticket.number
        sequence = ticket.sequence
        issuedBusiness = ticket.issuedBusiness
        business = ticket.business
        priority = ticket.priority.rawValue
        priorityCategory = ticket.priorityCategory
        status = ticket.status.rawValue
        takenAt = ticket.takenAt.timeIntervalSince1970
        queueKey = ticket.queueKey.timeIntervalSince1970
        pinnedWindow = ticket.pinnedWindow
        windowId = ticket.window
        firstCalledAt = ticket.firstCalledAt?.timeIntervalSince1970
        lastCalledAt = ticket.lastCalledAt?.timeIntervalSince1970
        recallCount = ticket.recallCount
        transferCount = ticket.transferCount
        closedAt = ticket.closedAt?.timeIntervalSince1970
        outcome = ticket.outcome
        ratingLevel = ticket.rating?.level.rawValue
        ratingReason = ticket.rating?.reason
        ratedAt = ticket.rating?.ratedAt.timeIntervalSince1970
        holderKey = ticket.holderKey
    }

    /// Inserts the row, or updates it when the id exists. Only the primary key may conflict: a second
    /// ticket with the same number on the same day violates `ticket_day_number` and fails the transaction
    /// (GRDB's `upsert` would silently update the other row instead).
    func save(_ db: Database) throws {
        try db.cachedStatement(sql: Self.saveSQL).execute(arguments: [
            id, serviceDay, number, sequence, issuedBusiness, business, priority, priorityCategory, status, takenAt,
            queueKey, pinnedWindow, windowId, firstCalledAt, lastCalledAt, recallCount, transferCount, closedAt,
            outcome, ratingLevel, ratingReason, ratedAt, holderKey,
        ])
    }

    private static let columns = [
        "id", "service_day", "number", "sequence", "issued_business", "business", "priority", "priority_category",
        "status", "taken_at", "queue_key", "pinned_window", "window_id", "first_called_at", "last_called_at",
        "recall_count", "transfer_count", "closed_at", "outcome", "rating_level", "rating_reason", "rated_at",
        "holder_key",
    ]

    /// Built once: it is looked up in the statement cache on every write.
    private static let saveSQL = """
        INSERT INTO ticket (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))
        ON CONFLICT(id) DO UPDATE SET \(columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
        """

    /// The domain ticket; `nil` when the row holds values this build does not know.
    var ticket: Ticket? {
        guard let priority = PriorityClass(rawValue: priority), let status = TicketStatus(rawValue: status) else {
            return nil
        }
        let date = { (seconds: Double?) in seconds.map(Date.init(timeIntervalSince1970:)) }
        var ticket = Ticket(
            id: id, serviceDay: ServiceDay(serviceDay), number: number, sequence: sequence, business: issuedBusiness,
            priority: priority, priorityCategory: priorityCategory, takenAt: Date(timeIntervalSince1970: takenAt))
        ticket.business = business
        ticket.status = status
        ticket.queueKey = Date(timeIntervalSince1970: queueKey)
        ticket.pinnedWindow = pinnedWindow
        ticket.window = windowId
        ticket.firstCalledAt = date(firstCalledAt)
        ticket.lastCalledAt = date(lastCalledAt)
        ticket.recallCount = recallCount
        ticket.transferCount = transferCount
        ticket.closedAt = date(closedAt)
        ticket.outcome = outcome
        ticket.holderKey = holderKey
        if let ratingLevel, let level = RatingLevel(rawValue: ratingLevel), let ratedAt {
            ticket.rating = Rating(level: level, reason: ratingReason, ratedAt: Date(timeIntervalSince1970: ratedAt))
        }
        return ticket
    }
}
