// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue

/// What the window page shows (schema `WindowDetail`).
struct WindowDetailView: Encodable {
    let window: WindowState
    let picture: HallService.Picture
    let currentReason: CallReason?

    private enum Keys: String, CodingKey {
        case window, current, currentReason, waiting, businesses, held, skipped, outcomes, allBusinesses, allWindows
    }

    private struct Named: Encodable {
        let code: String?
        let id: String?
        let name: String
    }

    func encode(to encoder: any Encoder) throws {
        let engine = picture.engine
        let configuration = engine.configuration
        let now = picture.now
        let view = { (ticket: Ticket) in TicketView(ticket: ticket, estimate: engine.estimate(for: ticket, now: now), configuration: configuration) }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(WindowView(window: window, engine: engine), forKey: .window)
        try container.encode(window.currentTicket.flatMap { engine.ticket(id: $0) }.map(view), forKey: .current)
        try container.encode(currentReason, forKey: .currentReason)
        let served = Set(window.businesses.map(\.business))
        try container.encode(engine.waitingForWindow(window.id), forKey: .waiting)
        try container.encode(
            engine.businessStatuses(now: now).filter { served.contains($0.code) }.map(BusinessView.init), forKey: .businesses)
        try container.encode(engine.heldTickets(window: window.id).map(view), forKey: .held)
        try container.encode(engine.skippedTickets(window: window.id).map(view), forKey: .skipped)
        try container.encode(configuration.windowRules.outcomes, forKey: .outcomes)
        var businesses = container.nestedUnkeyedContainer(forKey: .allBusinesses)
        for business in configuration.businesses {
            try businesses.encode(["code": business.code, "name": business.name])
        }
        var windows = container.nestedUnkeyedContainer(forKey: .allWindows)
        for other in configuration.windows {
            try windows.encode(["id": other.id, "name": other.name])
        }
    }
}
