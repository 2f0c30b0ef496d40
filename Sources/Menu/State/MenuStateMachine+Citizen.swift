// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Home, taking a number, and the queue view.
extension MenuStateMachine {
    /// A button on the home screen.
    mutating func pressOnHome(_ id: String) -> [MenuAction] {
        switch id {
        case "take": return show(.businesses(page: 0)) + [.send(.businesses)]
        case "queue": return show(.queue(page: 0)) + [.send(.businesses)]
        case "booking": return show(.booking) + [.send(.bookings)]
        case "rate": return showRatingPrefixes()
        case "agent": return show(.agentPIN(typed: ""))
        case "mode":
            state.elderly.toggle()
            return [.render]
        default: return []
        }
    }

    /// A button while taking a number or viewing the queue.
    mutating func pressInCitizenFlow(_ id: String) -> [MenuAction] {
        switch (state.screen, id) {
        case (.businesses(let page), "previous"), (.businesses(let page), "next"):
            return show(.businesses(page: Self.turn(page, by: id, count: state.businesses.count, pageSize: pageSize)))
        case (.queue(let page), "previous"), (.queue(let page), "next"):
            return show(.queue(page: Self.turn(page, by: id, count: state.businesses.count, pageSize: pageSize)))
        case (.businesses, _), (.queue, _):
            guard id.hasPrefix("business:"), let business = state.business(String(id.dropFirst(9))), business.takingTickets else { return [] }
            return show(.confirmTicket(business: business.code))
        case (.confirmTicket(let code), "confirm"):
            return wait(for: .takeTicket(business: code, card: state.card?.card))
        case (.ticket, "done"), (.notice, "done"):
            return goHome()
        default:
            return []
        }
    }

    /// The daemon issued a ticket (taken or checked in).
    mutating func show(_ ticket: Ticket, checkedIn: Bool) -> [MenuAction] {
        show(.ticket(ticket, print: printState(of: ticket.number, outcome: ticket.print), checkedIn: checkedIn)) + [.send(.businesses)]
    }

    /// The daemon refused a ticket: the reason in its words, and the number already taken if any.
    mutating func refuseTicket(_ error: MenuError) -> [MenuAction] {
        switch error.apiCode {
        case "already_has_ticket":
            return show(.notice(.init(title: "您今天已取过号", message: error.message, number: error.ticketNumber)))
        case "card_expired":
            state.card = nil
            return show(.notice(.init(title: "请重新刷身份证", message: error.message, number: nil)))
        default:
            return show(.notice(.init(title: "没有取到号", message: error.message, number: nil)))
        }
    }
}
