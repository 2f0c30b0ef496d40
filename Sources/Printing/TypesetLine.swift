// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// One printed line or element after wrapping: what an encoder turns into bytes.
enum TypesetLine: Hashable {
    /// A line of text that fits the paper at its magnification.
    case text(TextLine)
    /// A dashed rule across the paper.
    case rule
    /// A centred QR code of the payload.
    case qrCode(String)
    /// Blank paper, in text lines of normal height.
    case feed(lines: Int)
    /// The end of the printout: feed past the cutter and cut.
    case cut
}

/// A line of text that fits the paper: at most ``PrinterProfile/fontAColumns`` columns once magnified.
struct TextLine: Hashable {
    /// The characters, leading spaces included.
    var text: String
    /// The magnification, width and height alike.
    var magnification: Int
    /// Where the line sits.
    var alignment: TextStyle.Alignment
    /// Whether it is emphasized.
    var isBold: Bool

    /// The width in font A columns at this magnification.
    var columns: Int { text.printColumns * magnification }
}
