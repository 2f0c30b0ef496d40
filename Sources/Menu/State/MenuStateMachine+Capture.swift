// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Capturing a proxy case (代办件受理): the applicant's card, the matter, the materials checklist with 容缺,
/// the contact phone, confirmation, and the printed receipt.
extension MenuStateMachine {
    /// The longest phone number the keypad takes (a landline with an extension).
    static let phoneLength = 18

    /// A button of the capture flow.
    mutating func pressInCapture(_ id: String) -> [MenuAction] {
        switch state.screen {
        case .agentMatters(let page):
            if id == "previous" || id == "next" {
                return show(.agentMatters(page: Self.turn(page, by: id, count: state.matters.count, pageSize: pageSize)))
            }
            guard id.hasPrefix("matter:"), let matter = state.matters.first(where: { $0.code == id.dropFirst(7) }) else { return [] }
            state.deferralDue = dueDay
            if state.capture?.matter != matter {
                state.capture?.matter = matter
                state.capture?.marks = [:]
            }
            return show(.agentMaterials(page: 0))
        case .agentMaterials(let page):
            return pressOnChecklist(id, page: page)
        case .agentPhone(let typed):
            if id == "confirm" {
                guard Self.isPhone(typed) else {
                    state.problem = "请输入 11 位手机号，或带区号的座机号"
                    return [.render]
                }
                state.capture?.phone = typed
                return show(.agentConfirm)
            }
            guard let edited = Keypad.edit(typed, with: id, limit: Self.phoneLength) else { return [] }
            return show(.agentPhone(typed: edited))
        case .agentConfirm:
            guard id == "confirm", let token = state.agent?.token, let draft = state.capture?.draft(dueDay: state.deferralDue ?? dueDay) else { return [] }
            return wait(for: .captureCase(token: token, draft: draft))
        case .agentReceipt:
            return id == "done" ? agentHome() : []
        default:
            return []
        }
    }

    private mutating func pressOnChecklist(_ id: String, page: Int) -> [MenuAction] {
        guard let capture = state.capture, let matter = capture.matter else { return [] }
        switch id {
        case "previous", "next":
            return show(.agentMaterials(page: Self.turn(page, by: id, count: matter.materials.count, pageSize: pageSize)))
        case "confirm":
            let unmarked = capture.unmarked
            guard unmarked.isEmpty else {
                state.problem = "还有 \(unmarked.count) 项材料没有标记：\(unmarked[0].name)"
                return [.render]
            }
            return show(.agentPhone(typed: capture.phone))
        default:
            guard id.hasPrefix("material:"), let material = matter.materials.first(where: { $0.code == id.dropFirst(9) }) else {
                return []
            }
            state.capture?.marks[material.code] = capture.nextMark(of: material)
            state.problem = nil
            return [.render]
        }
    }

    /// The due day of a material promised today, `yyyy-MM-dd`.
    var dueDay: String { Self.day(configuration.calendar.date(byAdding: .day, value: configuration.deferralDays, to: now) ?? now, in: configuration.calendar) }

    /// A day as `yyyy-MM-dd` in a calendar's time zone.
    static func day(_ date: Date, in calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Whether digits are a mainland mobile number or a landline with its area code, as the daemon accepts.
    static func isPhone(_ digits: String) -> Bool {
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return false }
        if digits.hasPrefix("1") { return digits.count == 11 && "3456789".contains(digits.dropFirst().first ?? "0") }
        return digits.hasPrefix("0") && (10...12).contains(digits.count)
    }

    /// The applicant's card was read on the waiting screen: the catalogue comes next.
    mutating func startCapture(with card: CardSession) -> [MenuAction] {
        state.capture = CaseCapture(applicant: card)
        return show(.agentMatters(page: 0)) + [.send(.matters)]
    }

    /// The daemon refused the case: an expired card is swiped again; anything else is said on the screen.
    mutating func refuseCase(_ error: MenuError) -> [MenuAction] {
        if error.apiCode == "card_expired" {
            state.capture = nil
            let actions = show(.agentCard)
            state.problem = error.message
            return actions
        }
        let actions = show(.agentConfirm)
        state.problem = error.message
        return actions
    }
}
