// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Reader
import Testing

/// Cutting frames into the split scheme's header and body pieces, with the published frames (research
/// notes §5).
struct USBFrameSplitterTests {
    /// Find card, published verbatim (§5.1).
    static let findCard: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22]
    /// The find-card success answer, published verbatim (§5.2).
    static let findAnswer: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x08, 0x00, 0x00, 0x9F, 0x00, 0x00, 0x00, 0x00, 0x97]

    @Test func aCommandIsSevenHeaderBytesThenItsBody() {
        var splitter = USBFrameSplitter()
        #expect(splitter.feed(Self.findCard) == [.header(Array(Self.findCard.prefix(7))), .body([0x20, 0x01, 0x22])])
        #expect(splitter.isBetweenFrames)
    }

    @Test func twoFramesInOneChunkAreFourPieces() {
        var splitter = USBFrameSplitter()
        let pieces = splitter.feed(Self.findCard + Self.findAnswer)
        #expect(pieces.count == 4)
        #expect(pieces[3] == .body(Array(Self.findAnswer.dropFirst(7))))
    }

    @Test func bytesArrivingOneByOneGiveTheSamePieces() {
        var splitter = USBFrameSplitter()
        var pieces: [USBFrameSplitter.Piece] = []
        for byte in Self.findAnswer { pieces += splitter.feed([byte]) }
        #expect(pieces.first == .header(Array(Self.findAnswer.prefix(7))))
        #expect(pieces.dropFirst().flatMap { piece -> [UInt8] in
            if case .body(let bytes) = piece { return bytes }
            return []
        } == Array(Self.findAnswer.dropFirst(7)))
    }

    @Test func theExpectationFollowsTheLengthField() {
        var splitter = USBFrameSplitter()
        _ = splitter.feed(Self.findAnswer.prefix(7))
        #expect(splitter.expectation == .body(remaining: 8))
        _ = splitter.feed(Self.findAnswer.dropFirst(7).prefix(5))
        #expect(splitter.expectation == .body(remaining: 3))
        splitter.reset()
        #expect(splitter.expectation == .header)
        #expect(splitter.isBetweenFrames)
    }

    @Test func noiseTravelsWithTheNextHeader() {
        var splitter = USBFrameSplitter()
        let noise: [UInt8] = [0x13, 0xAA, 0x55, 0x00]
        let pieces = splitter.feed(noise + Self.findAnswer)
        #expect(pieces.first == .header(noise + Array(Self.findAnswer.prefix(7))))
    }
}
