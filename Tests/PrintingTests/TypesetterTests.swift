// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import PrintTesting
import Printing
import Testing

/// Wrapping and sizing, seen through what the printer prints.
@Suite struct TypesetterTests {
    private func lines(_ blocks: [PrintBlock], on profile: PrinterProfile = .chinese58) throws -> [PrintedLine] {
        try PrintHarness.print(PrintLayout(blocks), on: profile).document.lines
    }

    @Test func wordTooWideForTheSizeStepsTheSizeDown() throws {
        // 25 columns: 2× would need 50 of the 58 mm paper's 32.
        let printed = try lines([.text("320102-BDC-0001-0002-0003", .title)])
        #expect(printed.map(\.text) == ["320102-BDC-0001-0002-0003"])
        #expect(printed[0].widthMagnification == 1)
    }

    @Test func wordTooWideEvenAtNormalSizeBreaksBetweenCharactersAndKeepsThemAll() throws {
        let word = String(repeating: "0123456789", count: 4)
        let printed = try lines([.text("编码 " + word)])
        #expect(printed.map(\.text) == ["编码", String(word.prefix(32)), String(word.suffix(8))])
    }

    @Test func closingPunctuationNeverStartsALine() throws {
        // 16 Chinese characters fill a 58 mm line; the full stop would be the 17th.
        let text = String(repeating: "办", count: 16) + "。" + "事"
        let printed = try lines([.text(text)])
        #expect(printed.map(\.text) == [String(repeating: "办", count: 15), "办。事"])
    }

    @Test func numberStaysWithTheUnitAfterIt() throws {
        let text = String(repeating: "材", count: 15) + " 2份"
        #expect(try lines([.text(text)]).map(\.text) == [String(repeating: "材", count: 15), "2份"])
    }

    @Test func longKeyValueHangsUnderTheValueColumn() throws {
        let printed = try lines([.keyValue("办理事项", "不动产登记二手房转移登记及抵押权首次登记")])
        #expect(printed.map(\.text) == ["办理事项 不动产登记二手房转移登", "         记及抵押权首次登记"])
    }

    @Test func valueWithAWordTooWideForTheIndentGoesBelowTheKeyRightAligned() throws {
        let printed = try lines([.keyValue("编号", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123")])
        #expect(printed.map(\.text) == ["编号", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"])
        #expect(printed.map(\.alignment) == [.left, .right])
    }

    @Test func controlCharactersPrintAsSpacesAndNewlinesBreak() throws {
        let printed = try lines([.text("甲\t乙\n丙")])
        #expect(printed.map(\.text) == ["甲 乙", "丙"])
    }

    @Test func centredTextWrapsIntoEvenLines() throws {
        let printed = try lines([.text("玄武区政务服务中心", .title)])
        #expect(printed.map(\.text) == ["玄武区政务", "服务中心"])
    }

    @Test func emptyTextIsABlankLine() throws {
        let document = try PrintHarness.print(PrintLayout([.text("")]), on: .chinese58).document
        #expect(document.items == [.initialize, .feed(lines: 1)])
    }
}
