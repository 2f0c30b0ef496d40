// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// The touchscreen menu end to end: the real `kioskd menu` in tmux, talking to a real `kioskd run` with the
/// demo hall, tapped as xterm reports a touch. Every screen visited is checked to fit the terminal
/// (``MenuRig``). The citizen flows are here; the agent's in `+Agent`, faults and time in `+Faults`.
@Suite(.serialized)
struct MenuFlowTests {
    @Test func aNumberInThreeTapsFromHomeWhichTheDaemonKnows() async throws {
        try await MenuRig.with("take") { rig in
            try await rig.tap("1  取号")
            try await rig.see("请选择业务")
            try await rig.tap("1  社保业务")
            try await rig.see("1  确认取号")
            try await rig.tap("1  确认取号")
            let ticket = try await rig.see("取号成功")
            #expect(rig.taps == 3)
            let number = try #require(rig.word(after: "您的号码  ", on: ticket))
            #expect(number.hasPrefix("A"))
            let answer = try await rig.ticket(number)
            #expect(answer.status == 200)
            #expect(answer.json["business"]?.stringValue == "social-security")
            #expect(answer.json["status"]?.stringValue == "waiting")
            try await rig.see("请取走号票")
            try await rig.tap("1  完成")
            try await rig.see("1  取号")
        }
    }

    @Test func homeAndTheBusinessListFitALargeTerminal() async throws {
        try await MenuRig.with("large", columns: 160, rows: 48) { rig in
            try await rig.see("4  评价服务")
            try await rig.tap("1  取号")
            let list = try await rig.see("5  综合咨询")
            #expect(list.contains { $0.contains("1  社保业务") })
            #expect(!list.contains { $0.contains("下一页") }, "five businesses fit one page")
        }
    }

    @Test func aSwipedCardIsGreetedMaskedGetsElderlyPriorityAndOneTicketPerBusiness() async throws {
        try await MenuRig.with("card") { rig in
            try await rig.swipeCard()
            let greeted = try await rig.see("\(MenuRig.maskedName)，您好")
            #expect(greeted.contains { $0.contains("老年人优先") })
            // Elderly mode: four businesses a page, so the fifth is on the next.
            #expect(greeted.contains { $0.contains("已为您开启大字模式") })
            #expect(greeted.contains { $0.contains("4  户籍业务") } && !greeted.contains { $0.contains("综合咨询") })
            #expect(greeted.contains { $0.contains("下一页") })

            try await rig.tap("1  社保业务")
            try await rig.see("1  确认取号")
            try await rig.tap("1  确认取号")
            let ticket = try await rig.see("取号成功")
            let number = try #require(rig.word(after: "您的号码  ", on: ticket))
            let answer = try await rig.ticket(number)
            #expect(answer.json["priority"]?.stringValue == "elderly")
            let label = try #require(answer.json["priority_label"]?.stringValue)
            #expect(ticket.contains { $0.contains(label) }, "the ticket screen does not show \(label)")
            try await rig.tap("1  完成")
            try await rig.see("1  取号")

            // The ticket is bound to the card: the same person, coming back with the card, is told the number taken.
            try await rig.removeCard()
            try await rig.swipeCard()
            try await rig.see("\(MenuRig.maskedName)，您好")
            try await rig.tap("1  社保业务")
            try await rig.see("1  确认取号")
            try await rig.tap("1  确认取号")
            let refused = try await rig.see("您今天已取过号")
            #expect(refused.contains { $0.contains("号码 \(number)") })
        }
    }

    @Test func aBookingCodeTypedOnTheKeypadChecksInToATicket() async throws {
        try await MenuRig.with("check-in") { rig in
            try await rig.tap("3  预约签到")
            try await rig.see("请刷身份证，或输入预约码")
            try await rig.tap("1  输入预约码")
            try await rig.see("预约码  ")
            try await rig.tapKeypad("0001")
            try await rig.see("Y0001")
            try await rig.tap("确认")
            let ticket = try await rig.see("签到成功")
            let number = try #require(rig.word(after: "您的号码  ", on: ticket))
            let answer = try await rig.ticket(number)
            #expect(answer.json["business"]?.stringValue == "social-security")
            #expect(answer.json["priority"]?.stringValue == "appointment")
            let bookings = try await HTTPClient.get(rig.url("api/v1/bookings"))
            let booking = bookings.json["bookings"]?.arrayValue?.first { $0["code"]?.stringValue == "Y0001" }
            #expect(booking?["ticket_number"]?.stringValue == number)
        }
    }

    @Test func theQueueShowsWaitingCountsWithTheAlarmColourWord() async throws {
        try await MenuRig.with("queue") { rig in
            // Ten waiting is where the demo hall's yellow (较忙) starts.
            for _ in 1...10 {
                let taken = try await HTTPClient.post(
                    rig.url("api/v1/tickets"), json: #"{"business": "medical-insurance"}"#)
                try #require(taken.status == 201, "taking a ticket answered \(taken.status)")
            }
            try await rig.tap("2  查看排队")
            let queue = try await rig.see("等候 10 人，黄色较忙")
            #expect(queue.contains { $0.contains("等候 0 人，蓝色空闲") })
            // Busy is not told by colour alone, but it is also told by colour: the button is yellow (colour 220).
            let styled = try await rig.session.styledScreen()
            #expect(styled.contains("48;5;220"), "no yellow block on the queue screen")
            // A tap on a business in the queue takes a number there.
            try await rig.tap("2  医保业务")
            try await rig.see("前面 10 人")
        }
    }

    @Test func aFinishedTicketIsRatedByItsNumber() async throws {
        try await MenuRig.with("rating") { rig in
            let taken = try await HTTPClient.post(rig.url("api/v1/tickets"), json: #"{"business": "social-security"}"#)
            let number = try #require(taken.json["number"]?.stringValue)
            let called = try await HTTPClient.post(rig.url("api/v1/windows/1/call-next"), token: "demo-token-1")
            #expect(called.status == 200)
            let finished = try await HTTPClient.post(rig.url("api/v1/windows/1/finish"), token: "demo-token-1")
            #expect(finished.status == 200)

            try await rig.tap("4  评价服务")
            try await rig.see("您的号码是哪个字母开头？")
            try await rig.tap("1  A 字头")
            try await rig.see("号码  ")
            try await rig.tapKeypad(String(number.dropFirst()))
            try await rig.see(number)
            try await rig.tap("确认")
            try await rig.see("您对 \(number) 的服务满意吗？")
            try await rig.tap("1  非常满意")
            try await rig.see("感谢您的评价")
            let rated = try await rig.ticket(number)
            #expect(rated.json["rating"]?["level"]?.intValue == 5)
        }
    }
}
