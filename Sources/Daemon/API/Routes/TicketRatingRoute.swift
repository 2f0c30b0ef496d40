// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Queue

/// `POST /api/v1/tickets/{number}/rating`: the citizen rates a finished ticket at the kiosk (好差评), for the
/// window that finished it. Public, like taking a ticket.
struct TicketRatingRoute {
    let hall: HallService

    /// The body: a level 1…5 and an optional reason (blank is none).
    struct Body: Decodable {
        var level: Int
        var reason: String?
    }

    func register(on router: Router<KioskRequestContext>) {
        router.post("api/v1/tickets/:number/rating") { request, context in
            let number = try context.parameters.require("number")
            let body = try await request.decodeRequired(Body.self, context: context)
            guard let level = RatingLevel(rawValue: body.level) else { throw APIError.badRequest("level 须为 1 到 5") }
            let reason = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines)
            let ticket = try await hall.rate(number: number, level: level, reason: reason?.isEmpty == false ? reason : nil)
            return JSONResponse(TicketView(ticket: ticket, estimate: nil, configuration: hall.configuration))
        }
    }
}
