// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What a stream of ESC/POS bytes prints, as ``ESCPOSInterpreter`` decodes it: items top to bottom.
public struct PrintedDocument: Sendable, Hashable {
    /// One thing the printer does.
    public enum Item: Sendable, Hashable {
        /// `ESC @`.
        case initialize
        /// A line of text ended by `LF`, `ESC d` or `ESC J`.
        case text(PrintedLine)
        /// A QR code printed by `GS ( k` function 181.
        case qrCode(PrintedQRCode)
        /// A `GS v 0` raster image.
        case image(PrintedImage)
        /// Blank lines: `ESC d n`, or `LF` on an empty line.
        case feed(lines: Int)
        /// `ESC J n`: blank dots.
        case feedDots(Int)
        /// `GS V`.
        case cut(PrintedCut)
    }

    /// Everything printed, top to bottom.
    public var items: [Item]

    /// Creates a document.
    /// - Parameter items: Everything printed, top to bottom.
    public init(items: [Item] = []) {
        self.items = items
    }

    /// The text lines.
    public var lines: [PrintedLine] {
        items.compactMap { if case .text(let line) = $0 { line } else { nil } }
    }

    /// The QR codes.
    public var qrCodes: [PrintedQRCode] {
        items.compactMap { if case .qrCode(let code) = $0 { code } else { nil } }
    }

    /// The raster images.
    public var images: [PrintedImage] {
        items.compactMap { if case .image(let image) = $0 { image } else { nil } }
    }

    /// The cuts.
    public var cuts: [PrintedCut] {
        items.compactMap { if case .cut(let cut) = $0 { cut } else { nil } }
    }
}
