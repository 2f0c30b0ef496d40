// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Menu
import Testing

/// Drawing never leaves the canvas or a clip, wide characters are whole or absent, and rendering rewrites
/// only changed rows.
struct CanvasTests {
    @Test func textIsClippedAtTheEdgeWithoutHalfCharacters() {
        var canvas = Canvas(size: TerminalSize(columns: 7, rows: 2))
        canvas.write("社保业务", column: 0, row: 0, style: .plain)
        canvas.write("社保", column: 6, row: 1, style: .plain)
        #expect(canvas.lines == ["社保业 ", "       "])
        #expect(canvas.lines.allSatisfy { $0.terminalWidth == 7 })
    }

    @Test func writingOverHalfAWideCharacterBlanksItsOtherHalf() {
        var canvas = Canvas(size: TerminalSize(columns: 6, rows: 1))
        canvas.write("社保业", column: 0, row: 0, style: .plain)
        canvas.write("X", column: 1, row: 0, style: .plain)
        #expect(canvas.lines == [" X保业"])
        #expect(canvas.lines[0].terminalWidth == 6)
    }

    @Test func restylingKeepsTheTextAndStaysInside() {
        var canvas = Canvas(size: TerminalSize(columns: 6, rows: 2))
        canvas.write("取号", column: 1, row: 0, style: .plain)
        let pressed = TextStyle(foreground: .black, background: .yellow, bold: true)
        canvas.restyle(Rect(column: 0, row: 0, width: 20, height: 1), style: pressed)
        #expect(canvas.lines == [" 取号 ", "      "])
        #expect(canvas.style(column: 5, row: 0) == pressed && canvas.style(column: 0, row: 1) == .plain)
    }

    @Test func fillsAndClipsStayInside() {
        var canvas = Canvas(size: TerminalSize(columns: 10, rows: 4))
        let red = TextStyle(foreground: .white, background: .red)
        canvas.fill(Rect(column: 8, row: 2, width: 10, height: 10), style: red)
        #expect(canvas.style(column: 9, row: 3) == red)
        #expect(canvas.style(column: 7, row: 3) == .plain)
        let written = canvas.write("一二三四五", column: 2, row: 0, style: .plain, clip: Rect(column: 2, row: 0, width: 5, height: 1))
        #expect(written == 4)
        #expect(canvas.lines[0] == "  一二    ")
    }

    @Test func renderingRewritesOnlyChangedRows() {
        var before = Canvas(size: TerminalSize(columns: 4, rows: 3))
        before.write("AB", column: 0, row: 0, style: .plain)
        var after = before
        after.write("号", column: 0, row: 2, style: .plain)
        let update = after.rendered(since: before)
        #expect(update.contains("\u{1B}[3;1H"))
        #expect(!update.contains("\u{1B}[1;1H"))
        #expect(after.rendered(since: nil).hasPrefix("\u{1B}[0m\u{1B}[2J"))
    }

    @Test func namedColoursMeetTheContrastTheGuidanceAsks() {
        for role in [Button.Role.choice, .selected, .confirm, .navigation, .danger] {
            #expect(role.style.foreground.contrast(with: role.style.background) >= 4.5, "\(role)")
        }
        #expect(TextStyle.Color.white.contrast(with: .screen) >= 4.5)
        #expect(TextStyle.Color.grey.contrast(with: .screen) >= 4.5)
        #expect(TextStyle.Color.yellow.contrast(with: .screen) >= 4.5)
        #expect(TextStyle.Color.black.contrast(with: .lightGreen) >= 4.5)
        #expect(TextStyle.Color.white.contrast(with: .black) > 20)
    }
}
