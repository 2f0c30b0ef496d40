// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import Menu

/// The citizen flows, driven as the app drives them.
struct MenuStateMachineTests {
    static func ticket(_ number: String, print: PrintOutcome? = PrintOutcome(state: "submitted", message: "")) -> Ticket {
        Ticket(number: number, businessName: "社保业务", ahead: 12, estimatedWaitSeconds: 1560, print: print)
    }

    @Test func threeTapsTakeATicket() throws {
        var menu = MenuDriver()
        #expect(menu.screen == .home)
        menu.tap("take")
        menu.tap("business:social-security")
        #expect(menu.content.lines.contains { $0.text == "前面 12 人，约 26 分钟" })
        menu.tap("confirm")
        #expect(menu.sent.last == .takeTicket(business: "social-security", card: nil))
        menu.answer(.takeTicket(business: "social-security", card: nil), with: .ticket(Self.ticket("A013")))
        guard case .ticket(let ticket, .printing, false) = menu.screen else { Issue.record("not the ticket screen: \(menu.screen)"); return }
        #expect(ticket.number == "A013")
        #expect(menu.content.lines.first == .init("您的号码  A013", .headline))
        menu.event(.printDone(number: "A013"))
        #expect(menu.content.lines.contains { $0.text == "请取走号票，留意叫号" })
    }

    @Test func aPrintThatEndsBeforeTheAnswerIsStillShown() {
        var menu = MenuDriver()
        menu.tap("take")
        menu.tap("business:tax")
        menu.tap("confirm")
        menu.event(.printDone(number: "E001"))
        menu.answer(.takeTicket(business: "tax", card: nil), with: .ticket(Self.ticket("E001")))
        #expect(menu.content.lines.contains(.init("请取走号票，留意叫号", .success)))
    }

    @Test func homeWarnsWhenThePrinterCannotPrint() {
        var menu = MenuDriver()
        #expect(menu.sent.contains(.printer))
        menu.answer(.printer, with: .printer(canPrint: false))
        #expect(menu.content.lines.contains { $0.emphasis == .problem && $0.text.contains("请记住号码") })
        menu.event(.printerStatus(canPrint: true))
        #expect(!menu.content.lines.contains { $0.emphasis == .problem })
    }

    @Test func nobodyAheadIsNoWaitNotOneMinute() {
        var menu = MenuDriver()
        menu.tap("take")
        menu.tap("business:household")
        #expect(menu.content.lines.contains { $0.text == "无需等候" })
        #expect(!menu.content.lines.contains { $0.text.contains("约 1 分钟") })
        #expect(MenuScreen.waitWords(ahead: 1, seconds: 30) == "前面 1 人，约 1 分钟")
    }

    @Test func aClosedBusinessCannotBeChosenAndSaysWhy() throws {
        var menu = MenuDriver()
        menu.tap("take")
        let medical = try #require(menu.content.buttons.first { $0.id == "business:medical" })
        #expect(!medical.isEnabled && medical.detail == "暂停办理")
        menu.handle(.button("business:medical"))
        #expect(menu.screen == .businesses(page: 0))
    }

    @Test func businessesArePagedBySix() {
        var menu = MenuDriver()
        menu.tap("take")
        #expect(menu.content.buttons.count == 6)
        #expect(menu.content.navigation.first { $0.id == "previous" }?.isEnabled == false)
        menu.tap("next")
        #expect(menu.content.buttons.map(\.id) == ["business:business-license"])
        #expect(menu.content.navigation.first { $0.id == "next" }?.isEnabled == false)
    }

    @Test func aCardSwipeGreetsSwitchesElderlyModeAndBindsTheTicket() {
        var menu = MenuDriver()
        menu.event(.cardRead(Hall.elder))
        #expect(menu.screen == .businesses(page: 0))
        #expect(menu.state.elderly)
        #expect(menu.content.lines.first?.text.hasPrefix("李*，您好") == true)
        #expect(menu.content.lines.first?.text.contains("老年人优先") == true)
        #expect(menu.content.buttons.count == 4)
        menu.tap("business:social-security")
        menu.tap("confirm")
        #expect(menu.sent.last == .takeTicket(business: "social-security", card: Hall.elder.card))
    }

    @Test func aSecondTicketOfTheSameBusinessShowsTheExistingNumber() {
        var menu = MenuDriver()
        menu.event(.cardRead(Hall.resident))
        menu.tap("business:social-security")
        menu.tap("confirm")
        let request = MenuRequest.takeTicket(business: "social-security", card: Hall.resident.card)
        menu.fail(
            request,
            MenuError(.daemonRefused, "您今天已取过社保业务的号 A005，请留意叫号", apiCode: "already_has_ticket", status: 409, ticketNumber: "A005"))
        #expect(menu.screen == .notice(.init(title: "您今天已取过号", message: "您今天已取过社保业务的号 A005，请留意叫号", number: "A005")))
        #expect(menu.content.lines.contains { $0.text == "号码 A005" })
    }

    @Test func idleResetAsksFirstThenForgetsTheCard() {
        var menu = MenuDriver()
        menu.event(.cardRead(Hall.elder))
        menu.tap("business:social-security")
        menu.wait(seconds: 29)
        #expect(menu.state.idleCountdown == nil)
        menu.wait(seconds: 2)
        #expect(menu.content.title == "还需要更多时间吗？")
        menu.tap("continue")
        #expect(menu.screen == .confirmTicket(business: "social-security") && menu.state.card == Hall.elder)
        menu.wait(seconds: 41)
        #expect(menu.screen == .home)
        #expect(menu.state.card == nil && !menu.state.elderly)
    }

    @Test func noResetWhileATicketIsBeingTaken() {
        var menu = MenuDriver()
        menu.tap("take")
        menu.tap("business:tax")
        menu.tap("confirm")
        menu.wait(seconds: 60)
        #expect(menu.screen == .confirmTicket(business: "tax"))
        #expect(menu.content.lines.contains { $0.text == "请稍候" })
    }

    @Test func aPrinterFailureSaysWhatToDo() {
        var menu = MenuDriver()
        menu.tap("take")
        menu.tap("business:tax")
        menu.tap("confirm")
        menu.answer(.takeTicket(business: "tax", card: nil), with: .ticket(Self.ticket("E002")))
        menu.event(.printFailed(number: "E002", message: "凭条没有打印出来。请记住您的号码 E002，到服务台补打凭条"))
        #expect(menu.content.lines.contains(.init("凭条没有打印出来。请记住您的号码 E002，到服务台补打凭条", .problem)))
        #expect(menu.content.lines.first?.text == "您的号码  E002")
    }

    @Test func aPrintRefusedAtOnceIsShownFromTheAnswer() {
        var menu = MenuDriver()
        menu.tap("take")
        menu.tap("business:tax")
        menu.tap("confirm")
        let failed = PrintOutcome(state: "failed", message: "打印机缺纸。请记住您的号码 E003，到服务台取号凭条")
        menu.answer(.takeTicket(business: "tax", card: nil), with: .ticket(Self.ticket("E003", print: failed)))
        #expect(menu.content.lines.contains(.init(failed.message, .problem)))
    }

    @Test func anUnreachableDaemonShowsStartingAndResumesByItself() {
        var menu = MenuDriver()
        menu.tap("take")
        menu.fail(.businesses, MenuError(.daemonUnreachable, "no answer"))
        #expect(menu.screen == .starting && menu.content.title == "系统正在启动，请稍候")
        menu.sent = []
        menu.wait(seconds: 2)
        #expect(menu.sent == [.businesses])
        menu.fail(.businesses, MenuError(.daemonUnreachable, "no answer"))
        menu.wait(seconds: 2)
        #expect(menu.sent == [.businesses, .businesses])
        menu.answer(.businesses, with: .businesses(Hall().businesses))
        #expect(menu.screen == .home)
    }

    @Test func checkInByCardListsTheHoldersBookings() {
        var menu = MenuDriver()
        #expect(menu.content.buttons.contains { $0.id == "booking" })
        menu.tap("booking")
        menu.event(.cardRead(Hall.resident))
        #expect(menu.content.buttons.map(\.id) == ["booking:Y0001", "typeCode"])
        menu.tap("booking:Y0001")
        #expect(menu.sent.last == .checkIn(code: "Y0001", card: Hall.resident.card))
    }

    @Test func checkInByCodeOnTheKeypad() {
        var menu = MenuDriver()
        menu.tap("booking")
        menu.tap("typeCode")
        menu.key(in: "0002")
        menu.tap("delete")
        menu.key(in: "2")
        #expect(menu.content.field?.value == "Y0002")
        menu.tap("confirm")
        #expect(menu.sent.last == .checkIn(code: "Y0002", card: nil))
        menu.fail(.checkIn(code: "Y0002", card: nil), MenuError(.daemonRefused, "没有找到这个预约码，请核对后重输", apiCode: "unknown_booking", status: 404))
        #expect(menu.screen == .bookingCode(typed: "Y"))
        #expect(menu.content.lines.last == .init("没有找到这个预约码，请核对后重输", .problem))
    }

    @Test func noBookingsTodayNoCheckInButton() {
        var hall = Hall()
        hall.bookings = []
        let menu = MenuDriver(hall: hall)
        #expect(!menu.content.buttons.contains { $0.id == "booking" })
    }

    @Test func ratingByNumberThenLevel() {
        var menu = MenuDriver()
        menu.tap("rate")
        menu.tap("prefix:A")
        menu.key(in: "017")
        #expect(menu.content.field?.value == "A017")
        menu.tap("confirm")
        #expect(menu.content.buttons.map(\.label) == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
        menu.tap("level:5")
        #expect(menu.sent.last == .rate(number: "A017", level: 5))
        menu.answer(.rate(number: "A017", level: 5), with: .rated(Self.ticket("A017")))
        #expect(menu.screen == .ratingThanks(number: "A017"))
    }

    @Test func aRatingOfAnUnfinishedTicketIsExplained() {
        var menu = MenuDriver()
        menu.tap("rate")
        menu.tap("prefix:B")
        menu.key(in: "3")
        menu.tap("confirm")
        menu.tap("level:2")
        menu.fail(.rate(number: "B3", level: 2), MenuError(.daemonRefused, "这张号还没有办完，办完后再评价", apiCode: "not_finished", status: 409))
        #expect(menu.content.lines.contains(.init("这张号还没有办完，办完后再评价", .problem)))
    }

    @Test func callsAppearOnHomeNewestFirst() {
        var menu = MenuDriver()
        menu.event(.ticketCalled(number: "A017", windowName: "3号窗口"))
        menu.event(.ticketCalled(number: "B002", windowName: "4号窗口"))
        let texts = menu.content.lines.map(\.text)
        #expect(texts.contains("B002 请到 4号窗口") && texts.firstIndex(of: "B002 请到 4号窗口")! < texts.firstIndex(of: "A017 请到 3号窗口")!)
    }

    @Test func backAndHomeAreOnEveryScreenButHome() {
        var menu = MenuDriver()
        menu.tap("take")
        #expect(menu.content.navigation.map(\.id).contains("back") && menu.content.navigation.map(\.id).contains("home"))
        menu.tap("back")
        #expect(menu.screen == .home)
    }
}
