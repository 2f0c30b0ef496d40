// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Appointment check-in (预约签到): by the card on the reader, or the booking code typed.
extension MenuStateMachine {
    /// The longest booking code the keypad takes.
    static let bookingCodeLength = 12

    /// Today's bookings of the card's holder that can still be checked in, matched by masked name.
    var bookingsOfCardHolder: [Booking] {
        guard let card = state.card else { return [] }
        return state.bookings.filter { $0.holder == card.name && $0.status == "booked" }
    }

    /// A button of the check-in flow.
    mutating func pressInBooking(_ id: String) -> [MenuAction] {
        switch state.screen {
        case .booking:
            if id == "typeCode" { return show(.bookingCode(typed: "Y")) }
            guard id.hasPrefix("booking:") else { return [] }
            return wait(for: .checkIn(code: String(id.dropFirst(8)), card: state.card?.card))
        case .bookingCode(let typed):
            if id == "confirm" {
                guard typed.count >= 2 else {
                    state.problem = "请输入预约码，例如 Y0001"
                    return [.render]
                }
                return wait(for: .checkIn(code: typed, card: state.card?.card))
            }
            guard let edited = Keypad.edit(typed, with: id, limit: Self.bookingCodeLength) else { return [] }
            return show(.bookingCode(typed: edited))
        default:
            return []
        }
    }

    /// A letter typed on a keyboard goes into a booking code (they start with a letter, e.g. `Y`).
    mutating func type(_ character: Character) -> [MenuAction] {
        guard case .bookingCode(let typed) = state.screen, character.isASCII, character.isLetter || character.isNumber,
            typed.count < Self.bookingCodeLength
        else { return [] }
        return show(.bookingCode(typed: typed + character.uppercased()))
    }

    /// The daemon refused a check-in: a wrong code is typed again; anything else is explained.
    mutating func refuseCheckIn(_ error: MenuError) -> [MenuAction] {
        switch error.apiCode {
        case "unknown_booking":
            let actions = show(.bookingCode(typed: "Y"))
            state.problem = error.message
            return actions
        case "already_checked_in":
            return show(.notice(.init(title: "这个预约已经签到", message: error.message, number: error.ticketNumber)))
        default:
            return show(.notice(.init(title: "没有签到成功", message: error.message, number: nil)))
        }
    }
}
