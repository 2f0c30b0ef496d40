// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Reader
import Testing

/// The vendor WLT decoder is loaded with dlopen: tested against small shared libraries compiled here with the
/// vendors' function shape (no vendor library may be redistributed), one well-behaved and three broken.
@Suite(.serialized)
struct PhotoDecoderTests {
    /// C source of a stand-in decoder: `unpack` writes a grey 102 × 126 BMP, `refuse` returns 0,
    /// `garble` writes a 100 × 100 BMP.
    private static let source = #"""
        #include <string.h>
        static void header(unsigned char *b, int w, int h) {
            memset(b, 0, 54); b[0] = 'B'; b[1] = 'M';
            int size = 54 + 308 * 126; memcpy(b + 2, &size, 4);
            b[10] = 54; b[14] = 40; memcpy(b + 18, &w, 4); memcpy(b + 22, &h, 4); b[26] = 1; b[28] = 24;
        }
        int unpack(const unsigned char *wlt, unsigned char *bmp, int argument) {
            if (argument != 1 || wlt[0] == 0xFF) return -2;
            header(bmp, 102, 126); memset(bmp + 54, 0x80, 308 * 126); return 1;
        }
        int refuse(const unsigned char *wlt, unsigned char *bmp, int argument) { return 0; }
        int garble(const unsigned char *wlt, unsigned char *bmp, int argument) { header(bmp, 100, 100); return 1; }
        """#

    /// Compiles the stand-in into a temporary shared library.
    private static func library() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-wlt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sourceFile = directory.appendingPathComponent("wlt.c")
        try source.write(to: sourceFile, atomically: true, encoding: .utf8)
        let library = directory.appendingPathComponent("libwlt-standin.so").path
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = ["cc", "-shared", "-fPIC", "-o", library, sourceFile.path]
        try compiler.run()
        compiler.waitUntilExit()
        try #require(compiler.terminationStatus == 0, "cc failed")
        return library
    }

    @Test func decodesAPhotoIntoA102By126Bitmap() throws {
        let decoder = try PhotoDecoder(path: try Self.library())
        let bitmap = try decoder.bitmap(fromPhoto: Array(repeating: 0x04, count: 1024))
        #expect(bitmap.count == 38_862)
        #expect(bitmap.prefix(2) == [0x42, 0x4D])
    }

    @Test func failuresAreTypedAndNamed() throws {
        let path = try Self.library()
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
