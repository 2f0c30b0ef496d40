// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// How a text block prints: size, alignment, weight, and whether it must stay on one line.
public struct TextStyle: Sendable, Hashable {
    /// Where a line sits between the paper's edges (`ESC a`).
    public enum Alignment: Int, Sendable, Hashable, CaseIterable {
        /// Against the left edge.
        case left = 0
        /// Centred.
        case center = 1
        /// Against the right edge.
        case right = 2
    }

    /// The wanted magnification (1–8, width and height alike); the printer's
    /// ``PrinterProfile/maximumMagnification`` and the paper's width may step it down.
    public var magnification: Int
    /// Where the lines sit.
    public var alignment: Alignment
    /// Whether the text is emphasized (`ESC E 1`, or the bold face in raster mode).
    public var isBold: Bool
    /// Whether the text must stay on one line (a ticket number): the size steps down until it fits.
    /// A text too wide even at normal size still wraps rather than lose characters.
    public var keepsOnOneLine: Bool

    /// Creates a style.
    /// - Parameters:
    ///   - magnification: The wanted magnification, clamped to 1–8.
    ///   - alignment: Where the lines sit.
    ///   - isBold: Whether the text is emphasized.
    ///   - keepsOnOneLine: Whether the text must stay on one line.
    public init(
        magnification: Int = 1, alignment: Alignment = .left, isBold: Bool = false, keepsOnOneLine: Bool = false
    ) {
        self.magnification = min(max(magnification, 1), 8)
        self.alignment = alignment
        self.isBold = isBold
        self.keepsOnOneLine = keepsOnOneLine
    }

    /// Normal size, left aligned.
    public static let body = TextStyle()
    /// Normal size, centred.
    public static let centered = TextStyle(alignment: .center)
    /// Bold, normal size, left aligned: a section heading.
    public static let heading = TextStyle(isBold: true)
    /// Bold, double size, centred: a title.
    public static let title = TextStyle(magnification: 2, alignment: .center, isBold: true)
    /// Bold, centred, as large as the printer and paper allow, on one line: a ticket number.
    public static let ticketNumber = TextStyle(magnification: 8, alignment: .center, isBold: true, keepsOnOneLine: true)
}
