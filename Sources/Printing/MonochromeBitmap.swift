// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A black-and-white image in the `GS v 0` layout: rows of bytes, most significant bit leftmost, 1 = black.
package struct MonochromeBitmap: Sendable, Hashable {
    /// Width in dots.
    package let width: Int
    /// Height in dots.
    package let height: Int
    /// Bytes per row: the width rounded up to whole bytes.
    package let bytesPerRow: Int
    /// The rows, top to bottom, `bytesPerRow` bytes each.
    package private(set) var bytes: [UInt8]

    /// A white image.
    /// - Parameters:
    ///   - width: Width in dots.
    ///   - height: Height in dots.
    package init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        self.bytesPerRow = (self.width + 7) / 8
        self.bytes = [UInt8](repeating: 0, count: bytesPerRow * self.height)
    }

    /// An image from `GS v 0` data.
    /// - Parameters:
    ///   - bytesPerRow: Bytes per row; the width is eight dots per byte.
    ///   - height: Rows.
    ///   - bytes: `bytesPerRow × height` bytes; missing bytes are white, extra bytes ignored.
    package init(bytesPerRow: Int, height: Int, bytes: some Collection<UInt8>) {
        self.init(width: bytesPerRow * 8, height: height)
        let count = min(bytes.count, self.bytes.count)
        self.bytes.replaceSubrange(0..<count, with: bytes.prefix(count))
    }

    /// Whether the dot is black; dots outside the image are white.
    package func isBlack(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < width, y < height else { return false }
        return bytes[y * bytesPerRow + x / 8] & (0x80 >> UInt8(x % 8)) != 0
    }

    /// Blackens a dot; dots outside the image are ignored.
    package mutating func setBlack(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        bytes[y * bytesPerRow + x / 8] |= 0x80 >> UInt8(x % 8)
    }

    /// Blackens a rectangle, clipped to the image.
    package mutating func fill(x: Int, y: Int, width: Int, height: Int) {
        for row in max(y, 0)..<max(min(y + height, self.height), max(y, 0)) {
            for column in max(x, 0)..<max(min(x + width, self.width), max(x, 0)) {
                setBlack(x: column, y: row)
            }
        }
    }

    /// Blackens every dot that is black in `other`, placed with its top-left corner at (`x`, `y`).
    package mutating func draw(_ other: MonochromeBitmap, x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width where other.isBlack(x: column, y: row) {
                setBlack(x: x + column, y: y + row)
            }
        }
    }

    /// Whether any dot in the rectangle is black.
    package func hasInk(x: Int, y: Int, width: Int, height: Int) -> Bool {
        for row in y..<(y + max(height, 0)) {
            for column in x..<(x + max(width, 0)) where isBlack(x: column, y: row) { return true }
        }
        return false
    }
}
