// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A stand-in for a reader vendor's WLT photo library (which may not be redistributed), compiled with `cc`
/// for the tests, with the vendors' function shape `int f(const unsigned char *wlt, unsigned char *bmp, int)`:
/// - `unpack` writes a grey 102 × 126, 24-bit BMP and returns 1; it returns -2 when the argument is not 1 or
///   the photo starts with `FF`;
/// - `refuse` returns 0;
/// - `garble` writes a 100 × 100 BMP and returns 1.
public enum StandInPhotoDecoder {
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

    /// Compiles the library into a new temporary directory.
    /// - Returns: The library's path.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` when `cc` fails.
    public static func compile() async throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-wlt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sourceFile = directory.appendingPathComponent("wlt.c")
        try source.write(to: sourceFile, atomically: true, encoding: .utf8)
        let library = directory.appendingPathComponent("libwlt-standin.so").path
        let compiled = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["cc", "-shared", "-fPIC", "-o", library, sourceFile.path])
        guard compiled.status == 0 else {
            throw KioskTestingError(.launchFailed, "cc failed: \(compiled.errorText)")
        }
        return library
    }
}
