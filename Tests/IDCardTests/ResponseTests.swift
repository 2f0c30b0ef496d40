// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct ResponseTests {
    @Test func noCardAnswerEncodesAsTheNotesComputeIt() throws {
        // Notes §5.2: computed, UNCONFIRMED on a real reader.
        let response = try Response(status: .cardNotFound)
        #expect(response.encoded == Fixtures.bytes("AA AA AA 96 69 00 04 00 00 80 84"))
        #expect(try Response(decoding: response.encoded) == response)
    }

    @Test func cardAPDUStatusWordsArePassedThrough() throws {
        let response = try Response(decoding: try Response(sw1: 0x6A, sw2: 0x82, status: .readFailed).encoded)
        #expect((response.sw1, response.sw2) == (0x6A, 0x82))
        #expect(response.status.classification == .retry)
    }

    @Test func aFrameWithoutThreeStatusBytesIsNotAResponse() throws {
        #expect(throws: IDCardError(.notAResponse)) { try Response(frame: Command.findCard.frame) }
    }

    @Test func descriptionAndDumpShowStatusButNotData() throws {
        let response = try Response(status: .success, data: Array("张三".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var dumped = ""
        dump(response, to: &dumped)
        #expect(String(describing: response).contains("success"))
        #expect(!dumped.contains("0x5F") && !dumped.contains("95"))
    }
}
