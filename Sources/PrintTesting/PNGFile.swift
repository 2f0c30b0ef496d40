// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CPNG
import Foundation
import Printing

/// Writes bitmaps as 8-bit grayscale PNG files through libpng's simplified API (no `setjmp`).
enum PNGFile {
    /// Black dots on white paper, inside a grey margin.
    static func write(_ bitmap: MonochromeBitmap, to url: URL, margin: Int) throws(PrintTestingError) {
        let width = bitmap.width + 2 * margin
        let height = bitmap.height + 2 * margin
        var pixels = [UInt8](repeating: 0xC8, count: width * height)
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width {
                pixels[(y + margin) * width + x + margin] = bitmap.isBlack(x: x, y: y) ? 0x00 : 0xFF
            }
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_GRAY)
        let written = pixels.withUnsafeBytes { buffer in
            png_image_write_to_file(&image, url.path, 0, buffer.baseAddress, Int32(width), nil)
        }
        let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        png_image_free(&image)
        guard written != 0 else {
            throw PrintTestingError(.imageWriteFailed, "\(url.path): \(message)")
        }
    }
}
