// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Testing
@testable import Menu

/// Taps act on release inside the pressed button; keys reach buttons.
struct ButtonResolverTests {
    static let frame: ScreenLayout.Frame = {
        let content = MenuScreen.keypad(title: "输入预约码", lines: [], caption: "预约码", value: "Y")
        return ScreenLayout.frame(for: content, size: TerminalSize(columns: 80, rows: 24))
    }()

    static func centre(of id: String) throws -> (column: Int, row: Int) {
        let rect = try #require(frame.targets.first { $0.id == id }?.rect)
        return (rect.column + rect.width / 2, rect.row + rect.height / 2)
    }

    @Test func aTapIsAPressAndAReleaseInTheSameButton() throws {
        var resolver = ButtonResolver()
        let seven = try Self.centre(of: "digit-7")
        #expect(resolver.input(for: .press(column: seven.column, row: seven.row), on: Self.frame) == nil)
        #expect(resolver.input(for: .release(column: seven.column, row: seven.row), on: Self.frame) == .button("digit-7"))
    }

    @Test func slidingOffCancels() throws {
        var resolver = ButtonResolver()
        let seven = try Self.centre(of: "digit-7")
        let eight = try Self.centre(of: "digit-8")
        _ = resolver.input(for: .press(column: seven.column, row: seven.row), on: Self.frame)
        #expect(resolver.input(for: .release(column: eight.column, row: eight.row), on: Self.frame) == nil)
        #expect(resolver.input(for: .release(column: seven.column, row: seven.row), on: Self.frame) == nil)
    }

    @Test func keysReachButtonsAndTheKeypadKeys() {
        var resolver = ButtonResolver()
        #expect(resolver.input(for: .character("0"), on: Self.frame) == .button("digit-0"))
        #expect(resolver.input(for: .enter, on: Self.frame) == .button("confirm"))
        #expect(resolver.input(for: .backspace, on: Self.frame) == .button("delete"))
        #expect(resolver.input(for: .escape, on: Self.frame) == .button("back"))
        #expect(resolver.input(for: .character("y"), on: Self.frame) == .typed("y"))
        #expect(!Self.frame.canvas.lines.contains { $0.contains("7  7") } && Self.frame.canvas.lines.contains { $0.contains(" 7 ") })
    }
}
