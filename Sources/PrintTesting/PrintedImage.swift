// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Printing

/// A `GS v 0` raster image.
public struct PrintedImage: Sendable, Hashable {
    /// The image's dots.
    package var bitmap: MonochromeBitmap
    /// The mode byte `m`: 0 normal, 1 double width, 2 double height, 3 quadruple.
    public var mode: UInt8
    /// The alignment in effect (`ESC a`).
    public var alignment: TextStyle.Alignment
    /// The offset of the command.
    public var offset: Int

    /// Bytes per row (`xL + xH × 256`).
    public var bytesPerRow: Int { bitmap.bytesPerRow }
    /// Width in dots: eight per byte.
    public var width: Int { bitmap.width }
    /// Height in dots (`yL + yH × 256`).
    public var height: Int { bitmap.height }
}
