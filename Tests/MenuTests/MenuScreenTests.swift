// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import Menu

/// Every screen of every flow, reached by driving the menu, fits 80×24 and 160×48 in both modes: nothing
/// overflows, every button is a big target inside the screen, and the ambiguous-width characters that
/// terminals disagree on are never used.
struct MenuScreenTests {
    /// Each screen, by name, reached through its flow in normal or elderly mode.
    static func screens(elderly: Bool) -> [(name: String, state: MenuState)] {
        var configuration = MenuStateMachine.Configuration()
        configuration.elderly = elderly
        var all: [(String, MenuState)] = []
        var menu = MenuDriver(configuration: configuration)
        menu.event(.ticketCalled(number: "A017", windowName: "3号窗口"))
        menu.event(.ticketCalled(number: "B002", windowName: "4号窗口"))
        menu.event(.ticketCalled(number: "C113", windowName: "12号综合窗口"))
        all.append(("home", menu.state))
        menu.event(.printerStatus(canPrint: false))
        menu.event(.readerFault)
        all.append(("home, printer and reader faults", menu.state))
        menu.event(.printerStatus(canPrint: true))
        menu.event(.readerConnected)

        menu.tap("take")
        all.append(("businesses", menu.state))
        menu.tap("next")
        all.append(("businesses, last page", menu.state))
        menu.tap("home")
        menu.event(.cardRead(Hall.elder))
        all.append(("businesses, elderly card holder", menu.state))
        menu.tap("business:pension")
        all.append(("confirmation, long name", menu.state))
        menu.tap("back")
        menu.tap("business:social-security")
        menu.tap("confirm")
        all.append(("confirmation, waiting", menu.state))
        menu.answer(
            .takeTicket(business: "social-security", card: Hall.elder.card),
            with: .ticket(Ticket(number: "A018", businessName: "社保业务", priorityLabel: "老年人优先", ahead: 12, estimatedWaitSeconds: 1560)))
        all.append(("ticket", menu.state))
        menu.event(.printFailed(number: "A018", message: "凭条没有打印出来。请记住您的号码 A018，到服务台补打凭条"))
        all.append(("ticket, print failed", menu.state))
        menu.tap("home")
        if menu.state.elderly != elderly { menu.tap("mode") }
        menu.tap("take")
        menu.tap("business:household")
        menu.tap("confirm")
        menu.fail(
            .takeTicket(business: "household", card: nil),
            MenuError(.daemonRefused, "您今天已取过户籍业务的号 B005，请留意叫号", apiCode: "already_has_ticket", status: 409, ticketNumber: "B005"))
        all.append(("notice, already has a ticket", menu.state))
        menu.tap("home")

        menu.tap("queue")
        all.append(("queue", menu.state))
        menu.tap("home")

        menu.tap("booking")
        all.append(("check-in", menu.state))
        menu.event(.cardRead(Hall.resident))
        all.append(("check-in, card holder's bookings", menu.state))
        menu.tap("typeCode")
        menu.key(in: "0009")
        menu.tap("confirm")
        menu.fail(.checkIn(code: "Y0009", card: Hall.resident.card), MenuError(.daemonRefused, "没有找到这个预约码，请核对后重输", apiCode: "unknown_booking", status: 404))
        all.append(("check-in code, unknown", menu.state))
        menu.tap("home")

        menu.tap("rate")
        all.append(("rating, letter", menu.state))
        menu.tap("prefix:A")
        menu.key(in: "017")
        all.append(("rating, number", menu.state))
        menu.tap("confirm")
        all.append(("rating, levels", menu.state))
        menu.tap("level:4")
        menu.answer(.rate(number: "A017", level: 4), with: .rated(Ticket(number: "A017", businessName: "社保业务")))
        all.append(("rating, thanks", menu.state))
        menu.tap("home")

        menu.tap("agent")
        menu.key(in: "1111")
        menu.tap("confirm")
        menu.fail(.agentLogin(agent: "agent-1", pin: "1111"), MenuError(.daemonRefused, "密码错误次数过多，已锁定，请于 09:35 后再试", apiCode: "agent_locked", status: 429))
        all.append(("agent PIN, locked", menu.state))
        menu.key(in: "246810")
        menu.tap("confirm")
        menu.answer(.agentLogin(agent: "agent-1", pin: "246810"), with: .agentSession(Hall.agent))
        menu.answer(.syncStatus, with: .syncStatus(SyncStatus(message: "3 项待上传，最早的已等 2 小时；网络或中心暂不可用，将自动重试", pendingCount: 3)))
        all.append(("agent home", menu.state))
        menu.tap("cases")
        menu.answer(
            .cases(token: Hall.agent.token),
            with: .cases(
                (1...7).map {
                    ProxyCase(
                        receiptNumber: "R-K0007-00012\($0)", matterName: Hall.matters[$0 - 1].name, applicantName: "王**", promisedCompletion: "2026-11-30",
                        syncState: $0 % 2 == 0 ? "acknowledged" : "pending")
                }))
        all.append(("agent cases", menu.state))
        menu.tap("home")
        menu.tap("capture")
        all.append(("capture, card", menu.state))
        menu.event(.cardRead(Hall.resident))
        all.append(("capture, matters loading", menu.state))
        menu.answer(.matters, with: .matters(Hall.matters))
        all.append(("capture, matters", menu.state))
        menu.tap("matter:DEMO-1")
        menu.tap("material:household-register")
        menu.tap("material:household-register")
        menu.tap("confirm")
        all.append(("capture, materials, unmarked", menu.state))
        for code in ["id-card-copy", "application-form", "photo", "bank"] {
            if !menu.content.buttons.contains(where: { $0.id == "material:\(code)" }) { menu.tap("next") }
            menu.tap("material:\(code)")
        }
        menu.tap("confirm")
        menu.key(in: "02583001234")
        all.append(("capture, phone", menu.state))
        menu.tap("confirm")
        all.append(("capture, confirmation", menu.state))
        menu.tap("confirm")
        menu.answer(
            menu.sent.last!,
            with: .captured(
                ProxyCase(
                    receiptNumber: "R-K0007-000123", matterName: "城乡居民基本养老保险参保登记", applicantName: "王**", promisedCompletion: "2026-11-30",
                    print: PrintOutcome(state: "failed", message: "回执没有打印出来：打印纸用完了。请装纸后在代办件列表中补打回执"))))
        all.append(("capture, receipt", menu.state))
        menu.tap("home")
        menu.tap("logout")

        menu.tap("take")
        menu.wait(seconds: 31)
        all.append(("idle question", menu.state))
        menu.fail(.businesses, MenuError(.daemonUnreachable, "no answer"))
        all.append(("starting", menu.state))
        return all
    }

    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 160, rows: 48)]

    @Test(arguments: sizes, [false, true])
    func everyScreenFits(size: TerminalSize, elderly: Bool) {
        let screens = Self.screens(elderly: elderly)
        #expect(screens.count >= 30)
        for (name, state) in screens {
            let content = MenuScreen.content(for: state)
            let frame = ScreenLayout.frame(for: content, size: size, elderly: state.elderly)
            #expect(frame.overflow.isEmpty, "\(name) at \(size)\(state.elderly ? " elderly" : ""): \(frame.overflow)")
            for target in frame.targets {
                #expect(target.rect.isInside(size.bounds) && target.rect.height >= 3 && target.rect.width >= 12, "\(name): \(target.id)")
            }
            let pageSize = ScreenLayout.pageSize(elderly: state.elderly)
            if content.columns == nil { #expect(content.buttons.count <= max(pageSize, 5) || name == "home", "\(name)") }
        }
    }

    @Test(arguments: [false, true])
    func everyScreenHasBackAndHome(elderly: Bool) {
        for (name, state) in Self.screens(elderly: elderly) where state.screen != .home && state.screen != .starting {
            let ids = MenuScreen.content(for: state).navigation.map(\.id)
            #expect(ids.contains("back") && ids.contains("home"), "\(name)")
        }
    }

    @Test func noAmbiguousWidthCharactersAreUsed() {
        // Characters of East Asian Width "A" that the menu might be tempted by: terminals draw them 1 or 2 wide.
        let ambiguous: Set<Character> = ["·", "…", "—", "–", "“", "”", "‘", "’", "→", "←", "●", "○", "■", "□", "★", "①", "×", "§"]
        for elderly in [false, true] {
            for (name, state) in Self.screens(elderly: elderly) {
                let content = MenuScreen.content(for: state)
                let texts = [content.title] + content.lines.map(\.text) + (content.buttons + content.navigation).flatMap { [$0.label, $0.detail ?? ""] }
                    + [content.field?.value ?? ""]
                for text in texts { #expect(!text.contains { ambiguous.contains($0) }, "\(name): \(text)") }
            }
        }
    }

    @Test func elderlyModeShowsFewerButtons() {
        for (name, state) in Self.screens(elderly: true) where state.elderly {
            let content = MenuScreen.content(for: state)
            if content.columns == nil { #expect(content.buttons.count <= 5, "\(name)") }
        }
    }
}
