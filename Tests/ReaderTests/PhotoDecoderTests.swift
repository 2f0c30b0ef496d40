// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Reader
import Testing

/// The vendor WLT decoder is loaded with dlopen: tested against a small shared library compiled by the test
/// with the vendors' function shape (no vendor library may be redistributed): one good function, two broken.
@Suite(.serialized)
struct PhotoDecoderTests {
    @Test func decodesAPhotoIntoA102By126Bitmap() async throws {
        let decoder = try PhotoDecoder(path: try await StandInPhotoDecoder.compile())
        let bitmap = try decoder.bitmap(fromPhoto: Array(repeating: 0x04, count: 1024))
        #expect(bitmap.count == 38_862)
        #expect(bitmap.prefix(2) == [0x42, 0x4D])
    }

    @Test func failuresAreTypedAndNamed() async throws {
        let path = try await StandInPhotoDecoder.compile()
        #expect(throws: ReaderError(.photoDecoderUnavailable)) { try PhotoDecoder(path: path + ".missing") }
        #expect(throws: ReaderError(.photoDecoderUnavailable)) { try PhotoDecoder(path: path, symbol: "absent") }
        #expect(throws: ReaderError(.photoUndecodable)) {
            try PhotoDecoder(path: path, symbol: "refuse").bitmap(fromPhoto: Array(repeating: 0, count: 1024))
        }
        #expect(throws: ReaderError(.photoUndecodable)) {
            try PhotoDecoder(path: path, symbol: "garble").bitmap(fromPhoto: Array(repeating: 0, count: 1024))
        }
        #expect(throws: ReaderError(.photoUndecodable)) {
            try PhotoDecoder(path: path).bitmap(fromPhoto: Array(repeating: 0, count: 1000))
        }
        let wrongArgument = try PhotoDecoder(path: path, argument: 708)
        do {
            _ = try wrongArgument.bitmap(fromPhoto: Array(repeating: 0, count: 1024))
            Issue.record("a refused photo decoded")
        } catch {
            #expect("\(error)".contains("returned -2"))
        }
        do {
            _ = try PhotoDecoder(path: path, symbol: "absent")
        } catch {
            #expect("\(error)".contains("no function absent"))
        }
    }
}
