// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import PrinterLink

@Suite struct StatusRequestParserTests {
    @Test func requestSplitAcrossReadsIsFound() {
        var parser = StatusRequestParser()
        #expect(parser.feed([0x41, 0x10]) == [.data([0x41])])
        #expect(parser.feed([0x04]) == [])
        #expect(parser.feed([0x04, 0x42]) == [.request(4), .data([0x42])])
    }

    @Test func dleNotFollowedByEOTIsData() {
        var parser = StatusRequestParser()
        #expect(parser.feed([0x10, 0x10, 0x04, 0x01]) == [.data([0x10]), .request(1)])
        #expect(parser.feed([0x10, 0x04, 0x05]) == [.data([0x10, 0x04, 0x05])])
    }

    @Test func heldPrefixIsFlushedAsData() {
        var parser = StatusRequestParser()
        #expect(parser.feed([0x41, 0x10, 0x04]) == [.data([0x41])])
        #expect(parser.flush() == [0x10, 0x04])
    }
}
