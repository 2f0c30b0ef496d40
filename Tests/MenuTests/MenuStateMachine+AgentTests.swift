// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import Menu

/// The village agent's flows: PIN login and lockout, capture, case list, logout.
struct MenuStateMachineAgentTests {
    static func loggedIn() -> MenuDriver {
        var menu = MenuDriver()
        menu.tap("agent")
        menu.key(in: "246810")
        menu.tap("confirm")
        menu.answer(.agentLogin(agent: "agent-1", pin: "246810"), with: .agentSession(Hall.agent))
        menu.answer(.syncStatus, with: .syncStatus(SyncStatus(message: "3 项待上传；网络暂不可用，将自动重试", pendingCount: 3)))
        return menu
    }

    @Test func thePINIsShownAsDotsAndSentToTheDaemon() {
        var menu = MenuDriver()
        menu.tap("agent")
        menu.key(in: "2468")
        #expect(menu.content.field?.value == "* * * * ")
        #expect(!menu.content.lines.contains { $0.text.contains("2468") })
        menu.key(in: "10")
        menu.tap("confirm")
        #expect(menu.sent.last == .agentLogin(agent: "agent-1", pin: "246810"))
        #expect(menu.screen == .agentPIN(typed: ""))
    }

    @Test func fiveWrongPINsShowTheLockout() {
        var menu = MenuDriver()
        menu.tap("agent")
        for attempt in 1...5 {
            menu.key(in: "1111")
            menu.tap("confirm")
            let request = MenuRequest.agentLogin(agent: "agent-1", pin: "1111")
            if attempt < 5 {
                menu.fail(request, MenuError(.daemonRefused, "密码不正确，再错 \(5 - attempt) 次将锁定 5 分钟", apiCode: "wrong_pin", status: 401))
                #expect(menu.content.lines.last == .init("密码不正确，再错 \(5 - attempt) 次将锁定 5 分钟", .problem))
            } else {
                menu.fail(request, MenuError(.daemonRefused, "密码错误次数过多，已锁定，请于 09:35 后再试", apiCode: "agent_locked", status: 429))
            }
        }
        #expect(menu.screen == .agentPIN(typed: ""))
        #expect(menu.content.lines.last == .init("密码错误次数过多，已锁定，请于 09:35 后再试", .problem))
        #expect(menu.state.agent == nil)
    }

    @Test func agentHomeShowsWhatWaitsToUpload() {
        let menu = Self.loggedIn()
        #expect(menu.screen == .agentHome)
        #expect(menu.content.buttons.map(\.label) == ["办理代办件", "待上传 3 件", "退出登录"])
        #expect(menu.content.lines.contains { $0.text == "3 项待上传；网络暂不可用，将自动重试" })
    }

    @Test func captureSendsTheChecklistWithDeferralAndPhone() throws {
        var menu = Self.loggedIn()
        menu.tap("capture")
        #expect(menu.screen == .agentCard)
        menu.event(.cardRead(Hall.resident))
        #expect(menu.sent.last == .matters)
        menu.answer(.matters, with: .matters(Hall.matters))
        menu.tap("matter:DEMO-1")
        menu.tap("confirm")
        #expect(menu.content.lines.last?.text.hasPrefix("还有 5 项材料没有标记") == true)
        menu.tap("material:id-card-copy")  // 已收
        menu.tap("material:household-register")
        menu.tap("material:household-register")  // 容缺
        menu.tap("material:application-form")
        menu.tap("material:application-form")
        menu.tap("material:application-form")  // 不适用
        #expect(menu.content.buttons.first { $0.id == "material:household-register" }?.detail == "容缺，2026-11-25 前补交")
        menu.tap("material:photo")
        menu.tap("material:bank")
        menu.tap("confirm")
        menu.key(in: "1391234567")
        menu.tap("confirm")
        #expect(menu.screen == .agentPhone(typed: "1391234567"))
        menu.key(in: "8")
        menu.tap("confirm")
        #expect(menu.content.lines.map(\.text).contains("材料：已收 3 项，容缺 1 项，不适用 1 项"))
        menu.tap("confirm")
        let request = try #require(menu.sent.last)
        guard case .captureCase(let token, let draft) = request else { Issue.record("sent \(request)"); return }
        #expect(token == Hall.agent.token)
        let body = try JSONSerialization.jsonObject(with: JSONEncoder().encode(draft)) as? [String: Any]
        #expect(body?["card"] as? String == Hall.resident.card)
        #expect(body?["matter"] as? String == "DEMO-1")
        #expect(body?["contact_phone"] as? String == "13912345678")
        let materials = try #require(body?["materials"] as? [[String: String]])
        #expect(
            materials == [
                ["code": "id-card-copy", "state": "received"],
                ["code": "household-register", "state": "promised", "promised_by": "2026-11-25"],
                ["code": "application-form", "state": "not_applicable"],
                ["code": "photo", "state": "received"],
                ["code": "bank", "state": "received"],
            ])
        let record = ProxyCase(
            receiptNumber: "R-K0007-000123", matterName: "城乡居民基本养老保险参保登记", applicantName: "王**", promisedCompletion: "2026-11-20",
            print: PrintOutcome(state: "submitted", message: ""))
        menu.answer(request, with: .captured(record))
        #expect(menu.content.lines.first == .init("回执号 R-K0007-000123", .headline))
        menu.event(.printFailed(number: "R-K0007-000123", message: "回执没有打印出来，请在代办件列表中补打"))
        #expect(menu.content.lines.last == .init("回执没有打印出来，请在代办件列表中补打", .problem))
        #expect(menu.state.capture == nil)
    }

    @Test func aMaterialThatCannotBeDeferredSkipsDeferral() {
        var menu = Self.loggedIn()
        menu.tap("capture")
        menu.event(.cardRead(Hall.resident))
        menu.answer(.matters, with: .matters(Hall.matters))
        menu.tap("matter:DEMO-2")  // the matter allows no deferral at all
        menu.tap("material:household-register")
        menu.tap("material:household-register")
        #expect(menu.content.buttons.first { $0.id == "material:household-register" }?.detail == "不适用")
    }

    @Test func aWrongPhoneIsSaidInWords() {
        var menu = Self.loggedIn()
        menu.tap("capture")
        menu.event(.cardRead(Hall.resident))
        menu.answer(.matters, with: .matters(Hall.matters))
        menu.tap("matter:DEMO-1")
        for code in ["id-card-copy", "household-register", "application-form", "photo"] { menu.tap("material:\(code)") }
        menu.tap("material:bank")
        menu.tap("confirm")
        menu.key(in: "12345")
        menu.tap("confirm")
        #expect(menu.content.lines.last == .init("请输入 11 位手机号，或带区号的座机号", .problem))
        #expect(MenuStateMachine.isPhone("02583001234") && MenuStateMachine.isPhone("13912345678") && !MenuStateMachine.isPhone("12912345678"))
    }

    @Test func theAgentIsLoggedOutWhenIdle() {
        var menu = Self.loggedIn()
        menu.tap("cases")
        menu.wait(seconds: 299)
        #expect(menu.state.agent != nil)
        menu.wait(seconds: 1)
        #expect(menu.screen == .home && menu.state.agent == nil)
        #expect(menu.sent.last == .agentLogout(token: Hall.agent.token) || menu.sent.contains(.agentLogout(token: Hall.agent.token)))
    }

    @Test func logoutForgetsTheSession() {
        var menu = Self.loggedIn()
        menu.tap("logout")
        #expect(menu.screen == .home && menu.state.agent == nil)
        #expect(menu.sent.contains(.agentLogout(token: Hall.agent.token)))
    }

    @Test func anEndedSessionAsksForThePINAgain() {
        var menu = Self.loggedIn()
        menu.tap("cases")
        menu.fail(.cases(token: Hall.agent.token), MenuError(.daemonRefused, "请代办员先登录（登录已过期或未登录）", apiCode: "unauthorized", status: 401))
        #expect(menu.screen == .agentPIN(typed: ""))
        #expect(menu.state.agent == nil)
    }
}
