// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import Menu

/// Drives a ``MenuStateMachine`` as the app would: a clock, the requests it sent, answers fed back.
struct MenuDriver {
    var machine: MenuStateMachine
    var now = Date(timeIntervalSince1970: 1_795_000_000)
    /// Every request sent so far, in order.
    var sent: [MenuRequest] = []

    init(configuration: MenuStateMachine.Configuration = MenuStateMachine.Configuration(), hall: Hall = Hall()) {
        var configuration = configuration
        configuration.calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        machine = MenuStateMachine(configuration: configuration, now: now)
        record(machine.start())
        answer(.businesses, with: .businesses(hall.businesses))
        answer(.bookings, with: .bookings(hall.bookings))
    }

    var state: MenuState { machine.state }
    var screen: Screen { machine.state.screen }
    var content: ScreenContent { MenuScreen.content(for: machine.state) }

    @discardableResult
    mutating func handle(_ input: MenuInput) -> [MenuAction] {
        let actions = machine.handle(input, now: now)
        record(actions)
        return actions
    }

    /// Taps a button, checking it is on the screen and enabled.
    @discardableResult
    mutating func tap(_ id: String) -> [MenuAction] {
        let ids = (content.buttons + content.navigation).filter(\.isEnabled).map(\.id)
        guard ids.contains(id) else {
            Issue.record("no button \(id) on \(screen): \(ids)")
            return []
        }
        return handle(.button(id))
    }

    /// Types digits on the on-screen keypad.
    mutating func key(in digits: String) {
        for digit in digits { tap("digit-\(digit)") }
    }

    mutating func answer(_ request: MenuRequest, with reply: MenuReply) {
        handle(.reply(request, reply))
    }

    mutating func fail(_ request: MenuRequest, _ error: MenuError) {
        handle(.failure(request, error))
    }

    mutating func event(_ event: DaemonEvent) {
        handle(.event(event))
    }

    /// Lets time pass, with a tick every half second as the app does.
    mutating func wait(seconds: Double) {
        let end = now.addingTimeInterval(seconds)
        while now < end {
            now = min(now.addingTimeInterval(0.5), end)
            handle(.tick)
        }
    }

    /// The last request the machine sent that matches.
    func lastSent(where matches: (MenuRequest) -> Bool) -> MenuRequest? { sent.last(where: matches) }

    private mutating func record(_ actions: [MenuAction]) {
        for case .send(let request) in actions { sent.append(request) }
    }
}

/// A hall to test with: seven businesses (one with a very long name, one closed), two bookings, a catalogue.
struct Hall {
    var businesses: [Business] = [
        Business(code: "social-security", name: "社保业务", prefix: "A", waiting: 12, alarmLevel: "yellow", alarmLabel: "黄色", estimatedWaitSeconds: 1560),
        Business(code: "household", name: "户籍业务", prefix: "B", waiting: 0, estimatedWaitSeconds: 0),
        Business(
            code: "pension", name: "城乡居民基本养老保险参保登记与待遇领取资格认证", prefix: "C", waiting: 3, alarmLevel: "green", alarmLabel: "绿色",
            estimatedWaitSeconds: 400),
        Business(code: "property", name: "不动产登记", prefix: "D", waiting: 30, alarmLevel: "red", alarmLabel: "红色", estimatedWaitSeconds: 3600),
        Business(code: "tax", name: "税务", prefix: "E", waiting: 1, estimatedWaitSeconds: 30),
        Business(code: "medical", name: "医保业务", prefix: "F", waiting: 0, openWindows: 0, takingTickets: false, estimatedWaitSeconds: nil),
        Business(code: "business-license", name: "企业开办（营业执照、印章、发票一次办）", prefix: "G", waiting: 5, estimatedWaitSeconds: 900),
    ]
    var bookings: [Booking] = [
        Booking(code: "Y0001", business: "social-security", businessName: "社保业务", slotStart: "2026-11-23T01:00:00Z", slotEnd: "2026-11-23T09:00:00Z", holder: "王**"),
        Booking(code: "Y0002", business: "household", businessName: "户籍业务", slotStart: "2026-11-23T01:00:00Z", slotEnd: "2026-11-23T09:00:00Z", holder: "张*"),
    ]
    static let matters: [Matter] = (1...7).map { index in
        Matter(
            code: "DEMO-\(index)", name: index == 1 ? "城乡居民基本养老保险参保登记" : "代办事项第\(index)项（含较长的名称说明）", department: "人社局",
            materials: [
                .init(code: "id-card-copy", name: "居民身份证复印件", deferrable: false),
                .init(code: "household-register", name: "户口簿首页及本人页复印件", deferrable: true),
                .init(code: "application-form", name: "参保登记表", deferrable: true),
                .init(code: "photo", name: "近期免冠一寸照片", deferrable: true),
                .init(code: "bank", name: "社会保障卡或银行卡复印件", deferrable: true),
            ], allowsDeferral: index != 2)
    }
    static let resident = CardSession(card: "6f1c2d3e-0000-4000-8000-000000000001", name: "王**", elderly: false)
    static let elder = CardSession(card: "6f1c2d3e-0000-4000-8000-000000000002", name: "李*", elderly: true)
    static let agent = AgentSession(token: String(repeating: "ab", count: 32), agentID: "agent-1", agentName: "赵代办", idleTimeoutSeconds: 300)
}
