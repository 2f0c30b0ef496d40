// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// The village agent at the menu: PIN login on the keypad, a proxy case captured for the swiped card, the
/// receipt, the agent's home, and the lockout after five wrong PINs.
extension MenuFlowTests {
    @Test func anAgentCapturesACaseForTheSwipedCardAndItsReceiptPrints() async throws {
        try await MenuRig.with("agent") { rig in
            try await rig.tap("0  代办员登录")
            try await rig.see("代办员登录")
            try await rig.tapKeypad("246810")
            try await rig.see("* * * * * *")
            try await rig.tap("确认")
            let home = try await rig.see("代办服务")
            #expect(home.contains { $0.contains("本机未连接中心，办件保存在本机") }, "no sync sentence on the agent's home")
            #expect(home.contains { $0.contains("待上传 0 件") })

            try await rig.tap("1  办理代办件")
            try await rig.see("请申请人把身份证放到读卡器上")
            try await rig.swipeCard()
            try await rig.see("申请人：\(MenuRig.maskedName)")
            try await rig.see("城乡居民基本养老保险参保登记")
            try await rig.tap("城乡居民基本养老保险参保登记")
            try await rig.see("材料清单")
            // Each tap moves a material on: 已收, then 容缺 where the matter allows it.
            try await rig.tap("居民身份证复印件")
            try await rig.tap("户口簿复印件")
            try await rig.tap("参保登记表")
            try await rig.seeNo("未标记")
            try await rig.tap("户口簿复印件")
            try await rig.see("前补交")
            try await rig.tap("下一步")
            try await rig.see("联系电话")
            try await rig.tapKeypad("13912345678")
            try await rig.see("13912345678")
            try await rig.tap("确认")
            let confirmation = try await rig.see("确认受理")
            #expect(confirmation.contains { $0.contains("已收 2 项，容缺 1 项，不适用 0 项") })
            try await rig.tap("1  确认并打印回执")
            let receipt = try await rig.see("回执已打印")
            let number = try #require(rig.word(after: "回执号 ", on: receipt))
            #expect(number == "R-unenrolled-000001")
            let printed = try FileManager.default.contentsOfDirectory(atPath: rig.directory.file("printed").path)
            #expect(printed.contains { $0.hasPrefix("1-receipt") }, "no receipt in the emulated printer's folder: \(printed)")

            try await rig.tap("1  完成")
            let after = try await rig.see("待上传 1 件")
            #expect(after.contains { $0.contains("本机未连接中心，1 项保存在本机") })
            // 首页 is the agent's home while logged in; 返回 there logs out, as the screen says.
            #expect(after.contains { $0.contains("点「返回」或「退出登录」即退出") })
            try await rig.tap("9  首页")
            try await rig.tap("2  待上传 1 件")
            let cases = try await rig.see(number)
            #expect(cases.contains { $0.contains("\(number)  \(MenuRig.maskedName)  待上传") })
            try await rig.tap("9  首页")
            try await rig.see("1  办理代办件")
            try await rig.tap("0  返回")
            try await rig.see("0  代办员登录")
        }
    }

    @Test func fiveWrongPINsLockTheAgentOutInWords() async throws {
        try await MenuRig.with("lockout") { rig in
            try await rig.tap("0  代办员登录")
            for attempt in 1...5 {
                try await rig.see("代办员登录")
                try await rig.tapKeypad("111111")
                try await rig.see("* * * * * *")
                try await rig.tap("确认")
                if attempt < 5 { try await rig.see("再错 \(5 - attempt) 次将锁定") }
            }
            try await rig.see("密码错误次数过多，已锁定")
            // The right PIN does not open a locked account.
            try await rig.tapKeypad("246810")
            try await rig.see("* * * * * *")
            try await rig.tap("确认")
            try await rig.seeNo("* * * * * *")
            let still = try await rig.see("已锁定")
            #expect(!still.contains { $0.contains("代办服务") })
        }
    }
}
