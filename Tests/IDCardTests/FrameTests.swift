// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct FrameTests {
    /// Notes §5.1 (seen verbatim) and §2.1 (computed by the notes' author, checked here by XOR).
    static let commandVectors: [(Command, String)] = [
        (.resetSAM, "AA AA AA 96 69 00 03 10 FF EC"),
        (.samStatus, "AA AA AA 96 69 00 03 11 FF ED"),
        (.readSAMID, "AA AA AA 96 69 00 03 12 FF EE"),
        (.findCard, "AA AA AA 96 69 00 03 20 01 22"),
        (.selectCard, "AA AA AA 96 69 00 03 20 02 21"),
        (.readTextAndPhoto, "AA AA AA 96 69 00 03 30 01 32"),
        (.readAdditionalAddress, "AA AA AA 96 69 00 03 30 03 30"),
        (.readWithFingerprint, "AA AA AA 96 69 00 03 30 10 23"),
        (.setLineSpeed(.baud115200), "AA AA AA 96 69 00 03 60 00 63"),
        (.setLineSpeed(.baud57600), "AA AA AA 96 69 00 03 60 01 62"),
        (.setLineSpeed(.baud38400), "AA AA AA 96 69 00 03 60 02 61"),
        (.setLineSpeed(.baud19200), "AA AA AA 96 69 00 03 60 03 60"),
        (.setLineSpeed(.baud9600), "AA AA AA 96 69 00 03 60 04 67"),
        (.setMaximumRFBytes(0x50), "AA AA AA 96 69 00 04 61 FF 50 CA"),
    ]

    @Test(arguments: commandVectors.indices)
    func commandsEncodeByteForByte(index: Int) {
        let (command, hex) = Self.commandVectors[index]
        #expect(command.encoded == Fixtures.bytes(hex))
    }

    @Test(arguments: commandVectors.indices)
    func commandFramesDecodeBackToTheCommand(index: Int) throws {
        let (command, hex) = Self.commandVectors[index]
        let frame = try Frame(decoding: Fixtures.bytes(hex))
        #expect(Command(frame: frame) == command)
        #expect(frame.inferredDirection == .command)
    }

    @Test func publishedFindAndSelectResponsesDecode() throws {
        let find = try Response(decoding: Fixtures.bytes("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"))
        #expect(find.sw1 == 0 && find.sw2 == 0)
        #expect(find.status == .cardFound)
        #expect(find.data == [0, 0, 0, 0])
        let select = try Response(decoding: Fixtures.bytes("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"))
        #expect(select.status == .success)
        #expect(select.data.count == 8)
        #expect(try Frame(decoding: find.encoded).inferredDirection == .response)
    }

    @Test func lengthCountsBodyAndChecksumAndChecksumCoversLengthAndBody() throws {
        let frame = try Frame(body: [0x61, 0xFF, 0x50])
        #expect(frame.length == 4)
        #expect(frame.checksum == 0x00 ^ 0x04 ^ 0x61 ^ 0xFF ^ 0x50)
        #expect(frame.encoded.count == 7 + frame.length)
    }

    @Test func badChecksumIsRejected() {
        #expect(throws: IDCardError(.badChecksum)) {
            try Frame(decoding: Fixtures.bytes("AA AA AA 96 69 00 03 20 01 23"))
        }
    }

    @Test func impossibleLengthsAreRejected() {
        #expect(throws: IDCardError(.impossibleLength)) {
            try Frame(decoding: Fixtures.bytes("AA AA AA 96 69 00 02 20 02"))
        }
        #expect(throws: IDCardError(.impossibleLength)) {
            try Frame(decoding: Fixtures.bytes("AA AA AA 96 69 10 01 20 01 22"))
        }
        #expect(throws: IDCardError(.impossibleLength)) { try Frame(body: [0x20]) }
        #expect(throws: IDCardError(.dataTooLong)) { try Frame(body: [UInt8](repeating: 0, count: Frame.maximumLength)) }
    }

    @Test func wrongShapesAreRejected() {
        #expect(throws: IDCardError(.missingPreamble)) { try Frame(decoding: Fixtures.bytes("AA AA 96 69 00 03 20 01 22")) }
        #expect(throws: IDCardError(.truncatedFrame)) { try Frame(decoding: Fixtures.bytes("AA AA AA 96 69 00 03 20 01")) }
        #expect(throws: IDCardError(.trailingBytes)) { try Frame(decoding: Fixtures.bytes("AA AA AA 96 69 00 03 20 01 22 00")) }
    }

    @Test func descriptionAndDumpNeverShowTheData() throws {
        let frame = try Frame(body: [0x00, 0x00, 0x90] + Array("320102".utf8))
        var dumped = ""
        dump(frame, to: &dumped)
        for text in [String(describing: frame), String(reflecting: frame), dumped] {
            #expect(!text.contains("51") && !text.contains("0x33"))
        }
        #expect(String(describing: frame).contains("0x90"))
    }
}
