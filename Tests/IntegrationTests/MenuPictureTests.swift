// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// A picture of each main screen of the menu as the kiosk shows it — xterm on Xvfb with the kiosk session's
/// fonts — under `.build/test-output/menu/`, for a person to look at (CJK alignment, buttons, colours).
/// Skipped without Xvfb, xterm and ImageMagick (`make deps` installs them).
@Suite(.serialized, .enabled(if: TerminalPicture.isAvailable))
struct MenuPictureTests {
    /// Where the pictures go.
    private static let folder = TestDirectory.output.appendingPathComponent("menu")

    @Test func eachMainScreenIsPhotographed() async throws {
        try await MenuRig.with("pictures") { rig in
            var saved: [String] = []
            func photograph(_ name: String) async throws {
                let file = Self.folder.appendingPathComponent("\(name).png")
                try await TerminalPicture.save(rig.session, to: file)
                let png = try Data(contentsOf: file)
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5_000, "\(name).png is not a picture")
                saved.append(name)
            }
            try await rig.see("4  评价服务")
            try await photograph("01-home")
            try await rig.tap("1  取号")
            try await rig.see("5  综合咨询")
            try await photograph("02-businesses")
            try await rig.tap("1  社保业务")
            try await rig.see("1  确认取号")
            try await photograph("03-confirm")
            try await rig.tap("1  确认取号")
            try await rig.see("请取走号票")
            try await photograph("04-ticket")
            try await rig.tap("1  完成")

            try await rig.tap("2  查看排队")
            try await rig.see("等候 1 人，绿色正常")
            try await photograph("05-queue")
            try await rig.tap("9  首页")

            try await rig.tap("3  预约签到")
            try await rig.tap("1  输入预约码")
            try await rig.tapKeypad("0001")
            try await rig.see("Y0001")
            try await photograph("06-check-in-keypad")
            try await rig.tap("首页")

            try await rig.tap("4  评价服务")
            try await rig.tap("1  A 字头")
            try await rig.tapKeypad("1")
            try await rig.see("A1")
            try await rig.tap("确认")
            try await rig.see("5  非常不满意")
            try await photograph("07-rating")
            try await rig.tap("9  首页")

            try await rig.swipeCard()
            try await rig.see("\(MenuRig.maskedName)，您好")
            try await photograph("08-card-greeting-elderly")
            try await rig.tap("9  首页")
            try await rig.tap("标准模式")
            try await rig.see("8  大字模式")

            try await rig.tap("0  代办员登录")
            try await rig.tapKeypad("246810")
            try await rig.see("* * * * * *")
            try await rig.tap("确认")
            try await rig.see("待上传 0 件")
            try await photograph("09-agent-home")
            try await rig.tap("1  办理代办件")
            try await rig.see("请申请人把身份证放到读卡器上")
            try await rig.removeCard()
            try await rig.swipeCard()
            try await rig.tap("城乡居民基本养老保险参保登记")
            try await rig.tap("居民身份证复印件")
            try await rig.tap("户口簿复印件")
            try await rig.tap("户口簿复印件")
            try await rig.see("前补交")
            try await photograph("10-capture-checklist")
            try await rig.tap("首页")
            try await rig.tap("3  退出登录")

            try await rig.setPrinter("paper_out")
            try await rig.tap("1  取号")
            try await rig.tap("2  医保业务")
            try await rig.see("1  确认取号")
            try await rig.tap("1  确认取号")
            try await rig.see("到服务台")
            try await photograph("11-printer-fault")
            #expect(saved.count == 11)
        }
    }
}
