// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue

/// A ticket as the API shows it (schema `Ticket`): every key present, `null` when unknown; `print` only in
/// the answers that printed it (take, reprint).
struct TicketView: Encodable {
    let ticket: Ticket
    let estimate: TicketEstimate?
    let configuration: HallConfiguration
    var print: PrintOutcome? = nil

    private enum Keys: String, CodingKey {
        case id, number, business, businessName, issuedBusiness, priority, priorityLabel, priorityCategory, status
        case serviceDay, takenAt, window, windowName, pinnedWindow, firstCalledAt, lastCalledAt, closedAt, outcome
        case recallCount, transferCount, ahead, estimatedWaitSeconds, rating, print
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(ticket.id, forKey: .id)
        try container.encode(ticket.number, forKey: .number)
        try container.encode(ticket.business, forKey: .business)
        try container.encode(configuration.business(ticket.business)?.name ?? ticket.business, forKey: .businessName)
        try container.encode(ticket.issuedBusiness, forKey: .issuedBusiness)
        try container.encode(ticket.priority, forKey: .priority)
        try container.encode(ticket.priority.label, forKey: .priorityLabel)
        try container.encode(ticket.priorityCategory, forKey: .priorityCategory)
        try container.encode(ticket.status, forKey: .status)
        try container.encode(ticket.serviceDay, forKey: .serviceDay)
        try container.encode(ticket.takenAt, forKey: .takenAt)
        try container.encode(ticket.window, forKey: .window)
        try container.encode(ticket.window.flatMap { configuration.window($0)?.name }, forKey: .windowName)
        try container.encode(ticket.pinnedWindow, forKey: .pinnedWindow)
        try container.encode(ticket.firstCalledAt, forKey: .firstCalledAt)
        try container.encode(ticket.lastCalledAt, forKey: .lastCalledAt)
        try container.encode(ticket.closedAt, forKey: .closedAt)
        try container.encode(ticket.outcome, forKey: .outcome)
        try container.encode(ticket.recallCount, forKey: .recallCount)
        try container.encode(ticket.transferCount, forKey: .transferCount)
        try container.encode(estimate?.ahead, forKey: .ahead)
        try container.encode(estimate?.waitSeconds.map { $0.rounded() }, forKey: .estimatedWaitSeconds)
        try container.encode(ticket.rating.map(RatingView.init), forKey: .rating)
        try container.encodeIfPresent(print, forKey: .print)
    }
}

/// A rating as the API shows it.
struct RatingView: Encodable {
    let rating: Rating

    private enum Keys: String, CodingKey { case level, label, reason, ratedAt }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(rating.level.rawValue, forKey: .level)
        try container.encode(rating.level.label, forKey: .label)
        try container.encode(rating.reason, forKey: .reason)
        try container.encode(rating.ratedAt, forKey: .ratedAt)
    }
}
