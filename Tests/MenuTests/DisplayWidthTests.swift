// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Menu
import Testing

/// CJK characters take two columns; lines wrap between them and at spaces, never past the width.
struct DisplayWidthTests {
    @Test(arguments: [
        ("A001", 4), ("社保业务", 8), ("请A001号到3号窗口", 17), ("，。：", 6), ("ＡＢ", 4), ("é", 1), ("e\u{301}", 1),
        ("\u{200B}", 0), ("한국", 4), ("", 0),
    ])
    func widths(text: String, columns: Int) {
        #expect(text.terminalWidth == columns)
    }

    @Test func prefixNeverSplitsAWideCharacter() {
        #expect("社保业务".prefix(fittingColumns: 5) == "社保")
        #expect("A社保".prefix(fittingColumns: 2) == "A")
        #expect("社保".prefix(fittingColumns: 0) == "")
    }

    @Test func wrappingBreaksBetweenHanAndAtSpaces() {
        let lines = "请到服务台取号，工作人员会帮您办理 please ask at the desk".wrapped(toColumns: 20)
        #expect(lines.allSatisfy { $0.terminalWidth <= 20 })
        #expect(lines.joined(separator: " ").filter { $0 != " " } == "请到服务台取号，工作人员会帮您办理pleaseaskatthedesk")
        #expect(lines.first == "请到服务台取号，工作")
        #expect(lines.contains("please ask at the"))
        #expect("".wrapped(toColumns: 10) == [""])
        #expect("一二\n三".wrapped(toColumns: 10) == ["一二", "三"])
    }

    @Test func aWordLongerThanTheLineIsCut() {
        #expect("ABCDEFGHIJ".wrapped(toColumns: 4) == ["ABCD", "EFGH", "IJ"])
    }
}
