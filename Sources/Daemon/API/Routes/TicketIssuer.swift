// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import IDCard
import PersonalData
import Queue

/// The one path a ticket is issued by, for `POST /api/v1/tickets` and a booking's check-in: the body's
/// priority and card become the queue's take request (a card binds the ticket to its holder and its birth
/// date decides the elderly priority), the hall commits the ticket, and only then it is printed.
struct TicketIssuer: Sendable {
    let hall: HallService
    let desk: CardDesk
    let dataKey: DataKey
    let printer: TicketPrinter?

    /// A committed ticket, not yet printed.
    struct Issued: Sendable {
        var ticket: Ticket
        var estimate: TicketEstimate?
        /// The card holder's masked name, printed on the ticket when a card was used.
        var holderMaskedName: String?
    }

    /// Issues a ticket; it is on disk when this returns.
    /// - Throws: ``APIError`` 400 (a priority that cannot be claimed), 409 `card_expired`; ``QueueError``.
    func take(_ body: TakeBody) async throws -> Issued {
        let (request, holderMaskedName) = try takeRequest(body)
        let (ticket, estimate) = try await hall.take(request)
        return Issued(ticket: ticket, estimate: estimate, holderMaskedName: holderMaskedName)
    }

    /// Prints an issued ticket and returns its view with the print's outcome; with no printer configured,
    /// says so.
    func print(_ issued: Issued) async -> TicketView {
        let configuration = hall.configuration
        let job = TicketPrinter.Job(
            ticket: issued.ticket, businessName: configuration.business(issued.ticket.business)?.name ?? issued.ticket.business,
            estimate: issued.estimate, holderMaskedName: issued.holderMaskedName, isReprint: false)
        var outcome = PrintOutcome.off(number: issued.ticket.number)
        if let printer { outcome = await printer.print(job) }
        return TicketView(ticket: issued.ticket, estimate: issued.estimate, configuration: configuration, print: outcome)
    }

    /// The queue's take request, and the card holder's masked name for the ticket when a card is used.
    private func takeRequest(_ body: TakeBody) throws -> (TakeRequest, String?) {
        var priority = PriorityClass.normal
        if let claimed = body.priority {
            guard let parsed = PriorityClass(rawValue: claimed), parsed != .elderly else {
                throw APIError.badRequest("priority 须为 normal、appointment 或 green_channel（老年人优先由出生日期判断）")
            }
            priority = parsed
        }
        guard let cardID = body.card else {
            let request = TakeRequest(
                business: body.business, priority: priority, priorityCategory: body.priorityCategory, birthDate: body.birthDate)
            return (request, nil)
        }
        guard let session = desk.session(cardID, at: Date()) else {
            throw APIError(.conflict, code: "card_expired", message: "身份证信息已过期，请重新刷卡")
        }
        let identity = session.identity
        let request = TakeRequest(
            business: body.business, priority: priority, priorityCategory: body.priorityCategory,
            birthDate: identity.birthDateForAgeRule, holderKey: dataKey.holderKey(idNumber: identity.revealedNumber))
        return (request, identity.summary.maskedName)
    }
}
