// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CQRencode
import Glibc

/// A QR code symbol (model 2, error correction M) encoded by libqrencode: its dark and light modules.
package struct QRCodeMatrix: Sendable, Hashable {
    /// The light margin around a symbol, in modules, that scanners need (ISO/IEC 18004).
    package static let quietZoneModules = 4

    /// Modules per side, without the quiet zone.
    package let size: Int
    private let modules: [Bool]

    /// Encodes the payload's UTF-8 bytes in 8-bit mode, at the smallest version that holds them.
    /// - Throws: ``PrintingError/Code-swift.struct/qrCodeFailed`` for an empty payload or one too long.
    package init(payload: String) throws(PrintingError) {
        let bytes = Array(payload.utf8)
        guard !bytes.isEmpty else { throw PrintingError(.qrCodeFailed, "empty payload") }
        guard let code = QRcode_encodeData(Int32(bytes.count), bytes, 0, QR_ECLEVEL_M) else {
            throw PrintingError(.qrCodeFailed, "\(bytes.count) bytes at error correction M: errno \(errno)")
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        self.size = size
        self.modules = (0..<(size * size)).map { code.pointee.data[$0] & 1 != 0 }
    }

    /// Whether the module at column `x`, row `y` is dark; modules outside the symbol are light.
    package func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// The module size in dots that makes the symbol, quiet zone included, at most 288 dots (36 mm at
    /// 203 dpi) and at most the paper's width: between 1 and 8 dots.
    package func moduleDots(for profile: PrinterProfile) -> Int {
        let span = size + 2 * Self.quietZoneModules
        return min(max(min(288, profile.dotsPerLine) / span, 1), 8)
    }

    /// The symbol as an image with its quiet zone, `moduleDots` dots per module.
    package func bitmap(moduleDots: Int) -> MonochromeBitmap {
        let side = (size + 2 * Self.quietZoneModules) * moduleDots
        var bitmap = MonochromeBitmap(width: side, height: side)
        for y in 0..<size {
            for x in 0..<size where isDark(x: x, y: y) {
                bitmap.fill(
                    x: (x + Self.quietZoneModules) * moduleDots, y: (y + Self.quietZoneModules) * moduleDots,
                    width: moduleDots, height: moduleDots
                )
            }
        }
        return bitmap
    }
}
