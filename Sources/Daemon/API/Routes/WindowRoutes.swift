// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import Queue

/// Window operations (叫号、重呼、过号、转移、挂起、办结、暂停、评价), each authenticated by the window's token.
struct WindowRoutes {
    let hall: HallService
    let authenticator: WindowAuthenticator
    let printer: TicketPrinter?

    func register(on router: Router<KioskRequestContext>) {
        let windows = router.group("api/v1/windows/:id")
        let configuration = hall.configuration
        let ticket = { @Sendable (ticket: Ticket) in JSONResponse(TicketView(ticket: ticket, estimate: nil, configuration: configuration)) }

        windows.get { request, context in
            let id = try authenticate(request, context)
            let picture = try await hall.picture()
            guard let window = picture.engine.window(id) else { throw APIError(.notFound, code: "unknown_window", message: "没有这个窗口") }
            let reason = await hall.callReason(window: id)
            return JSONResponse(WindowDetailView(window: window, picture: picture, currentReason: reason))
        }
        windows.post("call-next") { request, context -> Response in
            let id = try authenticate(request, context)
            guard let call = try await hall.callNext(window: id) else { return Response(status: .noContent) }
            let view = CallView(ticket: TicketView(ticket: call.ticket, estimate: nil, configuration: configuration), reason: call.reason)
            return try JSONResponse(view).response(from: request, context: context)
        }
        windows.post("recall") { request, context in
            ticket(try await hall.recall(window: try authenticate(request, context)))
        }
        windows.post("skip") { request, context in
            ticket(try await hall.skip(window: try authenticate(request, context)))
        }
        windows.post("hold") { request, context in
            ticket(try await hall.hold(window: try authenticate(request, context)))
        }
        windows.post("reactivate") { request, context in
            let id = try authenticate(request, context)
            let body = try await request.decodeRequired(NumberBody.self, context: context)
            return ticket(try await hall.reactivate(window: id, number: body.number))
        }
        windows.post("reprint") { request, context in
            _ = try authenticate(request, context)
            let body = try await request.decodeRequired(NumberBody.self, context: context)
            let (found, estimate) = try await hall.ticket(number: body.number)
            guard let printer else { throw APIError(.notFound, code: "no_printer", message: "没有配置取号凭条打印机") }
            let print = await printer.print(
                TicketPrinter.Job(
                    ticket: found, businessName: configuration.business(found.business)?.name ?? found.business,
                    estimate: estimate, holderMaskedName: nil, isReprint: true))
            return JSONResponse(TicketView(ticket: found, estimate: estimate, configuration: configuration, print: print))
        }
        windows.post("call-back") { request, context in
            let id = try authenticate(request, context)
            let body = try await request.decodeRequired(NumberBody.self, context: context)
            return ticket(try await hall.callBack(window: id, number: body.number))
        }
        windows.post("transfer") { request, context in
            let id = try authenticate(request, context)
            let body = try await request.decodeRequired(TransferBody.self, context: context)
            guard body.business != nil || body.window != nil else { throw APIError.badRequest("请指定 business 或 window") }
            return ticket(try await hall.transfer(window: id, toBusiness: body.business, toWindow: body.window))
        }
        windows.post("finish") { request, context in
            let id = try authenticate(request, context)
            let body = try await request.decodeIfPresent(FinishBody.self, context: context)
            return ticket(try await hall.finish(window: id, outcome: body?.outcome))
        }
        windows.post("pause") { request, context in
            try await windowResponse(try await hall.setPaused(window: try authenticate(request, context), true))
        }
        windows.post("resume") { request, context in
            try await windowResponse(try await hall.setPaused(window: try authenticate(request, context), false))
        }
        windows.put("businesses") { request, context in
            let id = try authenticate(request, context)
            let body = try await request.decodeRequired(BusinessesBody.self, context: context)
            return try await windowResponse(try await hall.setBusinesses(window: id, body.businesses))
        }
        windows.post("rate") { request, context in
            let id = try authenticate(request, context)
            let body = try await request.decodeRequired(RateBody.self, context: context)
            guard let level = RatingLevel(rawValue: body.level) else { throw APIError.badRequest("level 须为 1 到 5") }
            return ticket(try await hall.rate(window: id, number: body.number, level: level, reason: body.reason))
        }
    }

    private func authenticate(_ request: Request, _ context: KioskRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        try authenticator.authenticate(window: id, request: request)
        return id
    }

    private func windowResponse(_ window: WindowState) async throws -> JSONResponse<WindowView> {
        JSONResponse(WindowView(window: window, engine: try await hall.picture().engine))
    }
}
