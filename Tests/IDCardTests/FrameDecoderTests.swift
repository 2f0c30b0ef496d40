// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct FrameDecoderTests {
    static let find = Fixtures.bytes("AA AA AA 96 69 00 03 20 01 22")
    static let found = Fixtures.bytes("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")
    static let select = Fixtures.bytes("AA AA AA 96 69 00 03 20 02 21")
    static let selected = Fixtures.bytes("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C")

    private func decodeAll(_ chunks: [[UInt8]], maximumLength: Int = Frame.maximumLength) -> [FrameDecoder.Event] {
        var decoder = FrameDecoder(maximumLength: maximumLength)
        return chunks.flatMap { decoder.feed($0) } + decoder.finish()
    }

    private func frames(_ events: [FrameDecoder.Event]) -> [[UInt8]] {
        events.compactMap { if case .frame(let frame) = $0 { frame.encoded } else { nil } }
    }

    @Test func aSniffedSessionOfBothDirectionsComesOutFrameByFrame() {
        let stream = Self.find + Self.found + Self.select + Self.selected
        let events = decodeAll([stream])
        #expect(frames(events) == [Self.find, Self.found, Self.select, Self.selected])
        #expect(events.count == 4)
    }

    @Test func resynchronisesAfterGarbageAndCountsIt() {
        let garbage: [UInt8] = [0x00, 0xAA, 0xAA, 0x96, 0x69, 0xAA, 0xAA, 0xAA, 0x96, 0x12, 0xFF]
        let events = decodeAll([garbage + Self.find + [0x55, 0xAA] + Self.found])
        #expect(events == [
            .garbage(count: garbage.count), .frame(try! Frame(decoding: Self.find)),
            .garbage(count: 2), .frame(try! Frame(decoding: Self.found)),
        ])
    }

    @Test func trailingGarbageIsReportedByFinish() {
        var decoder = FrameDecoder()
        #expect(decoder.feed(Self.find + [0x01, 0x02, 0xAA, 0xAA]).count == 1)
        #expect(decoder.pendingGarbageCount == 2)
        #expect(decoder.finish() == [.garbage(count: 4)])
    }

    @Test func badChecksumIsRejectedAndTheNextFrameStillComes() {
        var corrupted = Self.found
        corrupted[9] = 0x90
        let events = decodeAll([corrupted + Self.select])
        #expect(events.count == 3)
        #expect(events[0] == .rejected(IDCardError(.badChecksum)))
        // The rejected frame's bytes after its preamble are rescanned, then skipped as garbage.
        #expect(events[1] == .garbage(count: corrupted.count - 5))
        #expect(frames(events) == [Self.select])
    }

    @Test func aFrameCutShortByTheNextOneIsFoundInsideTheRejectedOne() {
        // A read answer pulled after 20 bytes: its length claims 1288 bytes, the next answer arrives inside.
        let cut = Fixtures.bytes("AA AA AA 96 69 05 08 00 00 90 01 00 04 00") + [UInt8](repeating: 0x20, count: 6)
        let tail = [UInt8](repeating: 0x11, count: 1400)
        let events = decodeAll([cut + Self.found + tail])
        #expect(frames(events) == [Self.found])
        #expect(events.contains(.rejected(IDCardError(.badChecksum))))
    }

    @Test func splitDeliveryByteByByteGivesTheSameEvents() {
        var corrupted = Self.select
        corrupted[8] ^= 0x01
        let stream = [0x13, 0xAA] + Self.find + corrupted + [0xAA, 0xAA, 0xAA, 0x96] + Self.selected + [0xAA, 0xAA, 0xAA]
        let whole = decodeAll([stream])
        let bytewise = decodeAll(stream.map { [$0] })
        let uneven = decodeAll([Array(stream[..<3]), Array(stream[3..<17]), Array(stream[17...])])
        #expect(whole == bytewise)
        #expect(whole == uneven)
        #expect(frames(whole) == [Self.find, Self.selected])
        #expect(whole.last == .rejected(IDCardError(.truncatedFrame)) || whole.last == .garbage(count: 3))
    }

    @Test func impossibleLengthIsRejectedWithoutWaitingForTheBody() {
        var decoder = FrameDecoder(maximumLength: 64)
        let events = decoder.feed(Fixtures.bytes("AA AA AA 96 69 FF FF 20 01"))
        #expect(events == [.rejected(IDCardError(.impossibleLength))])
        #expect(decoder.bufferedByteCount < 8)
        let tooShort = decoder.feed(Fixtures.bytes("AA AA AA 96 69 00 02 20 01 22"))
        #expect(tooShort.first == .garbage(count: 4))
        #expect(tooShort.contains(.rejected(IDCardError(.impossibleLength))))
    }

    @Test func hostileInputNeverMakesItHoldMoreThanOneCappedFrame() {
        var decoder = FrameDecoder()
        let claim = Frame.preamble + [UInt8(Frame.maximumLength >> 8), UInt8(Frame.maximumLength & 0xFF)]
        var largest = 0
        for _ in 0..<50 {
            _ = decoder.feed(claim + [UInt8](repeating: 0x00, count: 3000))
            largest = max(largest, decoder.bufferedByteCount)
        }
        _ = decoder.feed([UInt8](repeating: 0xAA, count: 1_000_000))
        largest = max(largest, decoder.bufferedByteCount)
        #expect(largest <= Frame.headerSize + Frame.maximumLength)
    }

    @Test func finishRejectsAFrameLeftIncompleteAndResets() {
        var decoder = FrameDecoder()
        #expect(decoder.feed(Array(Self.found.prefix(9))).isEmpty)
        #expect(decoder.finish() == [.rejected(IDCardError(.truncatedFrame))])
        #expect(decoder.bufferedByteCount == 0)
        #expect(frames(decoder.feed(Self.found)) == [Self.found])
    }
}
