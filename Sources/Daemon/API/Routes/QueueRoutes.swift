// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import Queue

/// Public routes: businesses, taking and looking up tickets, hall status and statistics.
struct QueueRoutes {
    let hall: HallService
    let issuer: TicketIssuer

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
            let issued = try await issuer.take(body)
            return JSONResponse(await issuer.print(issued), status: .created)
        }
        api.get("tickets/:number") { _, context in
            let number = try context.parameters.require("number")
            let (ticket, estimate) = try await hall.ticket(number: number)
            return JSONResponse(TicketView(ticket: ticket, estimate: estimate, configuration: hall.configuration))
        }
    }
}
