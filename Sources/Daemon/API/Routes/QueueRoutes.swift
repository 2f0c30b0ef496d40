// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import IDCard
import PersonalData
import Queue

/// Public routes: businesses, taking and looking up tickets, hall status and statistics.
struct QueueRoutes {
    let hall: HallService
    let desk: CardDesk
    let dataKey: DataKey
    let printer: TicketPrinter?

    func register(on router: Router<KioskRequestContext>) {
        let api = router.group("api/v1")
        api.get("businesses") { _, _ in
            let picture = try await hall.picture()
            return JSONResponse(BusinessListView(businesses: picture.engine.businessStatuses(now: picture.now).map(BusinessView.init)))
        }
        api.get("status") { _, _ in
            JSONResponse(StatusView(picture: try await hall.picture()))
        }
        api.get("statistics") { _, _ in
            let picture = try await hall.picture()
            return JSONResponse(StatisticsView(statistics: picture.engine.statistics(now: picture.now)))
        }
        api.get("windows") { _, _ in
            let picture = try await hall.picture()
            return JSONResponse(WindowListView(windows: picture.engine.allWindows.map { WindowView(window: $0, engine: picture.engine) }))
        }
        api.post("tickets") { request, context in
            let body = try await request.decodeRequired(TakeBody.self, context: context)
            let (take, holderMaskedName) = try takeRequest(body)
            let (ticket, estimate) = try await hall.take(take)
            let configuration = hall.configuration
            let print = await printTicket(
                TicketPrinter.Job(
                    ticket: ticket, businessName: configuration.business(ticket.business)?.name ?? ticket.business,
                    estimate: estimate, holderMaskedName: holderMaskedName, isReprint: false))
            return JSONResponse(TicketView(ticket: ticket, estimate: estimate, configuration: configuration, print: print), status: .created)
        }
        api.get("tickets/:number") { _, context in
            let number = try context.parameters.require("number")
            let (ticket, estimate) = try await hall.ticket(number: number)
            return JSONResponse(TicketView(ticket: ticket, estimate: estimate, configuration: hall.configuration))
        }
    }

    /// Prints a committed ticket; with no printer configured, says so.
    private func printTicket(_ job: TicketPrinter.Job) async -> PrintOutcome {
        guard let printer else { return .off(number: job.ticket.number) }
        return await printer.print(job)
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
