// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct CardReadTests {
    static let photo = (0..<1024).map { UInt8(truncatingIfNeeded: $0 * 7) }

    /// A whole 1295-byte `30 01` answer: the published header (notes §5.2, [EAST533]), then the constructed text.
    static func readResponse(_ text: [UInt8] = Fixtures.residentBlock) -> [UInt8] {
        var body = Fixtures.bytes("00 00 90 01 00 04 00") + text + photo
        let length = body.count + 1
        body = [UInt8(length >> 8), UInt8(length & 0xFF)] + body
        return Frame.preamble + body + [body.reduce(0, ^)]
    }

    @Test func aWholeReadAnswerDecodesFromTheStream() throws {
        let bytes = Self.readResponse()
        #expect(bytes.count == 1295)
        #expect(Array(bytes.prefix(14)) == Fixtures.bytes("AA AA AA 96 69 05 08 00 00 90 01 00 04 00"))
        var decoder = FrameDecoder()
        let events = decoder.feed(Fixtures.bytes("00 13") + bytes)
        guard case .frame(let frame) = events.last else {
            Issue.record("no frame: \(events)")
            return
        }
        let response = try Response(frame: frame)
        #expect(response.status == .success)
        let read = try CardRead(textAndPhoto: response.data)
        #expect(read.identity.revealedNumber == Fixtures.residentNumber)
        #expect(read.photo == Self.photo)
        #expect(read.fingerprint.isEmpty)
    }

    @Test(arguments: [0, 512, 1024])
    func aReadWithFingerprintDecodesAllThreeParts(fingerprintLength: Int) throws {
        let fingerprint = [UInt8](repeating: 0xF1, count: fingerprintLength)
        let data = Fixtures.bytes("01 00 04 00") + [UInt8(fingerprintLength >> 8), UInt8(fingerprintLength & 0xFF)]
            + Fixtures.permitBlock + Self.photo + fingerprint
        let response = try Response(status: .success, data: data)
        #expect(response.encoded.count == [1297, 1809, 2321][fingerprintLength / 512])
        let read = try CardRead(withFingerprint: data)
        #expect(read.identity.cardType == "residence_permit")
        #expect(read.photo == Self.photo)
        #expect(read.fingerprint == fingerprint)
        #expect(read.responseData(withFingerprint: true) == data)
    }

    @Test func truncatedAndInconsistentPayloadsAreTypedErrors() {
        let data = Array(Self.readResponse().dropFirst(10).dropLast())
        #expect(throws: IDCardError(.truncatedPayload)) { try CardRead(textAndPhoto: data.dropLast()) }
        #expect(throws: IDCardError(.inconsistentPayload)) { try CardRead(textAndPhoto: data + [0]) }
        #expect(throws: IDCardError(.truncatedPayload)) { try CardRead(textAndPhoto: [0x01]) }
        #expect(throws: IDCardError(.truncatedPayload)) { try CardRead(withFingerprint: Array(data.prefix(5))) }
        var wrongTextLength = data
        wrongTextLength[1] = 0x02
        #expect(throws: IDCardError(.inconsistentPayload)) { try CardRead(textAndPhoto: wrongTextLength) }
        #expect(throws: IDCardError.self) { try CardRead(withFingerprint: data) }
    }

    @Test func printedFormsShowNeitherIdentityNorPhotoBytes() throws {
        let read = try CardRead(textAndPhoto: Array(Self.readResponse().dropFirst(10).dropLast()))
        var dumped = ""
        dump(read, to: &dumped)
        for text in [String(describing: read), String(reflecting: read), dumped] {
            #expect(text.contains("1024"))
            #expect(!text.contains(Fixtures.residentNumber) && !text.contains(Fixtures.residentName))
        }
    }
}
