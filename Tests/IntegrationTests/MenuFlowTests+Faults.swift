// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// What the menu does when things go wrong or time passes: a printer out of paper, a person who walked
/// away, the daemon restarting under it.
extension MenuFlowTests {
    @Test func aPrinterOutOfPaperIsExplainedInWordsForAPerson() async throws {
        try await MenuRig.with("paper-out") { rig in
            try await rig.setPrinter("paper_out")
            try await rig.tap("1  取号")
            try await rig.see("请选择业务")
            try await rig.tap("9  首页")
            // Home asks the printer on the way: the warning is there before anyone takes a number.
            try await rig.see("号票暂时打印不出来")
            try await rig.tap("1  取号")
            try await rig.tap("1  社保业务")
            try await rig.see("号票暂时打印不出，取号后请记住号码")
            try await rig.tap("1  确认取号")
            let ticket = try await rig.see("到服务台")
            let number = try #require(rig.word(after: "您的号码  ", on: ticket))
            #expect(ticket.contains { $0.contains("请记住您的号码 \(number)") })
            let text = ticket.joined(separator: "\n")
            for code in ["paper_out", "print_failed", "printer_error", "503", "500"] {
                #expect(!text.contains(code), "the screen shows a code")
            }
            #expect(try await rig.ticket(number).status == 200, "the number stays issued")
        }
    }

    @Test func anIdleCitizenIsAskedForMoreTimeThenTheMenuGoesHomeAndForgetsTheCard() async throws {
        try await MenuRig.with("idle", menuArguments: ["--idle-seconds", "5"]) { rig in
            try await rig.swipeCard()
            try await rig.see("\(MenuRig.maskedName)，您好")
            let asked = try await rig.see("还需要更多时间吗？", timeout: .seconds(20))
            #expect(asked.contains { $0.contains("1  继续") })
            try await rig.see("1  取号", timeout: .seconds(20))
            // The card's holder is forgotten and the mode is back to the configured one.
            let home = try await rig.see("8  大字模式")
            #expect(!home.joined().contains(MenuRig.maskedName))
            try await rig.tap("1  取号")
            let list = try await rig.see("请选择业务")
            #expect(!list.joined().contains(MenuRig.maskedName))
            #expect(!list.contains { $0.contains("老年人优先") })
        }
    }

    @Test func theMenuWaitsForARestartingDaemonAndComesBackByItself() async throws {
        try await MenuRig.with("restart") { rig in
            try await rig.stopDaemon()
            try await rig.tap("1  取号")
            try await rig.see("系统正在启动，请稍候")
            try await rig.startDaemon()
            try await rig.see(MenuRig.homeTitle)
            try await rig.tap("1  取号")
            try await rig.see("1  社保业务")
        }
    }
}
