// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Menu
import Testing

/// Buttons are big blocks that never overlap, never cross the edge, and are reached by tap and key.
struct ScreenLayoutTests {
    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 160, rows: 48), TerminalSize(columns: 44, rows: 13)]

    static func sample(buttons: Int) -> ScreenContent {
        ScreenContent(
            title: "请选择业务",
            lines: [.init("点按业务，或按数字键"), .init("当前叫号 A001 请到 3 号窗口", .quiet)],
            buttons: (1...buttons).map {
                Button(id: "b\($0)", label: "社保业务\($0)", detail: "等候 12 人，约 20 分钟", key: $0 < 10 ? Character(String($0)) : nil)
            },
            navigation: [
                Button(id: "back", label: "返回", key: "0", role: .navigation),
                Button(id: "home", label: "首页", key: "9", role: .navigation),
            ])
    }

    @Test(arguments: [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 160, rows: 48)], [false, true])
    func aFullPageFitsWithBigTargets(size: TerminalSize, elderly: Bool) {
        let frame = ScreenLayout.frame(for: Self.sample(buttons: ScreenLayout.pageSize(elderly: elderly)), size: size, elderly: elderly)
        #expect(frame.overflow.isEmpty)
        #expect(frame.targets.count == ScreenLayout.pageSize(elderly: elderly) + 2)
        for (index, target) in frame.targets.enumerated() {
            #expect(target.rect.height >= ScreenLayout.minimumButtonHeight && target.rect.width >= ScreenLayout.minimumButtonWidth)
            #expect(target.rect.isInside(size.bounds))
            for other in frame.targets[(index + 1)...] { #expect(!target.rect.overlaps(other.rect)) }
        }
        #expect(frame.canvas.lines.count == size.rows && frame.canvas.lines.allSatisfy { $0.terminalWidth == size.columns })
    }

    @Test func tapsAndKeysFindTheirButton() throws {
        let frame = ScreenLayout.frame(for: Self.sample(buttons: 3), size: TerminalSize(columns: 80, rows: 24))
        let second = try #require(frame.targets.first { $0.id == "b2" })
        #expect(frame.target(column: second.rect.column, row: second.rect.row + 2) == "b2")
        #expect(frame.target(column: 0, row: 0) == nil)
        #expect(frame.keys["2"] == "b2" && frame.keys["0"] == "back")
        #expect(frame.canvas.lines.contains { $0.contains("2  社保业务2") })
    }

    @Test func aDisabledButtonIsDrawnButCannotBeTapped() {
        var content = Self.sample(buttons: 2)
        content.buttons[1].isEnabled = false
        let frame = ScreenLayout.frame(for: content, size: TerminalSize(columns: 80, rows: 24))
        #expect(frame.targets.map(\.id).contains("b1") && !frame.targets.map(\.id).contains("b2"))
        #expect(frame.keys["2"] == nil)
    }

    @Test func tooManyButtonsAreReportedNotDrawnPastTheEdge() {
        let frame = ScreenLayout.frame(for: Self.sample(buttons: 12), size: TerminalSize(columns: 80, rows: 24))
        #expect(!frame.overflow.isEmpty)
        #expect(frame.targets.allSatisfy { $0.rect.isInside(TerminalSize(columns: 80, rows: 24).bounds) })
    }
}
