// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Menu
import Testing

/// Taps arrive as SGR mouse reports (the bytes xterm sends for a touch, as recorded in the research notes).
struct InputParserTests {
    @Test func aTapIsAPressAndAReleaseAtZeroBasedCells() {
        var parser = InputParser()
        #expect(parser.feed(Array("\u{1B}[<0;11;4M\u{1B}[<0;11;4m".utf8)) == [.press(column: 10, row: 3), .release(column: 10, row: 3)])
    }

    @Test func aSequenceSplitAcrossReadsWaits() {
        var parser = InputParser()
        #expect(parser.feed(Array("\u{1B}[<0;3".utf8)).isEmpty)
        #expect(parser.hasPending)
        #expect(parser.feed(Array("2;8M1".utf8)) == [.press(column: 31, row: 7), .character("1")])
        #expect(!parser.hasPending)
    }

    @Test func wheelMotionAndOtherButtonsAreDroppedWhole() {
        var parser = InputParser()
        let bytes = "\u{1B}[<64;5;5M\u{1B}[<32;5;5M\u{1B}[<2;5;5M\u{1B}[15~2"
        #expect(parser.feed(Array(bytes.utf8)) == [.character("2")])
    }

    @Test func keysOfAKeypadAndAKeyboard() {
        var parser = InputParser()
        let events = parser.feed(Array("12\r\u{7F}\u{1B}[A\u{1B}OM\u{1B}[3~社".utf8))
        #expect(events == [.character("1"), .character("2"), .enter, .backspace, .arrow(.up), .enter, .backspace, .character("社")])
    }

    @Test func aLoneEscapeIsTheEscapeKeyOnlyWhenFlushed() {
        var parser = InputParser()
        #expect(parser.feed([0x1B]).isEmpty)
        #expect(parser.flushEscape() == .escape)
        #expect(parser.flushEscape() == nil)
    }

    @Test func aHalfUTF8CharacterWaitsForItsRest() {
        var parser = InputParser()
        let bytes = Array("号".utf8)
        #expect(parser.feed(bytes.prefix(2)).isEmpty)
        #expect(parser.feed(bytes.suffix(1)) == [.character("号")])
    }
}
