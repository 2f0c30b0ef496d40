// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import Printing

/// Draws a ``PrintedDocument`` the way the paper would look: one pixel per dot, the printer's width.
///
/// Text is drawn with ``RasterFont`` on the character grid at its magnification (a non-square one at its
/// width's), with the printer's 30-dot line pitch; raster images are copied dot for dot; QR codes are
/// encoded again from their stored data at their module size; a cut is a dotted line.
public struct PaperImage: Sendable {
    /// Dots of one blank line (`ESC d`, empty `LF`) and the line pitch of normal-size text.
    static let linePitch = 30

    /// The printer whose paper is drawn.
    public let profile: PrinterProfile
    /// The font text lines are drawn with.
    public let font: RasterFont

    /// Creates a paper renderer.
    /// - Parameters:
    ///   - profile: The printer whose paper is drawn: its width and column grid.
    ///   - font: The font for text lines.
    public init(profile: PrinterProfile, font: RasterFont) {
        self.profile = profile
        self.font = font
    }

    /// The paper as dots, `dotsPerLine` wide.
    package func render(_ document: PrintedDocument) -> MonochromeBitmap {
        let bands = document.items.compactMap(band)
        var paper = MonochromeBitmap(width: profile.dotsPerLine, height: bands.reduce(0) { $0 + $1.height })
        var y = 0
        for band in bands {
            paper.draw(band, x: 0, y: y)
            y += band.height
        }
        return paper
    }

    /// Writes the paper as a grayscale PNG with a grey margin around the paper.
    /// - Parameters:
    ///   - document: What was printed.
    ///   - url: The PNG file to write.
    /// - Throws: ``PrintTestingError/Code-swift.struct/imageWriteFailed``.
    public func writePNG(of document: PrintedDocument, to url: URL) throws(PrintTestingError) {
        try PNGFile.write(render(document), to: url, margin: 12)
    }

    /// One item's band of paper, full width; `nil` for items that print nothing.
    private func band(for item: PrintedDocument.Item) -> MonochromeBitmap? {
        switch item {
        case .initialize:
            return nil
        case .text(let line):
            return textBand(line)
        case .image(let image):
            var band = MonochromeBitmap(width: profile.dotsPerLine, height: image.height)
            band.draw(image.bitmap, x: offset(of: image.width, aligned: image.alignment), y: 0)
            return band
        case .qrCode(let code):
            guard let matrix = try? QRCodeMatrix(payload: code.text) else { return nil }
            let symbol = matrix.bitmap(moduleDots: code.moduleSize)
            var band = MonochromeBitmap(width: profile.dotsPerLine, height: symbol.height)
            band.draw(symbol, x: offset(of: symbol.width, aligned: code.alignment), y: 0)
            return band
        case .feed(let lines):
            return MonochromeBitmap(width: profile.dotsPerLine, height: lines * Self.linePitch)
        case .feedDots(let dots):
            return MonochromeBitmap(width: profile.dotsPerLine, height: dots)
        case .cut:
            var band = MonochromeBitmap(width: profile.dotsPerLine, height: 9)
            for x in stride(from: 0, to: profile.dotsPerLine, by: 4) { band.fill(x: x, y: 4, width: 2, height: 1) }
            return band
        }
    }

    private func textBand(_ line: PrintedLine) -> MonochromeBitmap {
        let column = profile.dotsPerColumn
        let height = max(2 * column * line.heightMagnification + Self.linePitch - 2 * column, Self.linePitch)
        var band = MonochromeBitmap(width: profile.dotsPerLine, height: height)
        var x = offset(of: line.columns * column, aligned: line.alignment)
        let bottom = 2 * column * line.heightMagnification
        for run in line.runs {
            let magnification = run.widthMagnification
            font.draw(
                run.text, magnification: magnification, isBold: run.isBold, columnWidth: column, into: &band, x: x,
                y: bottom - 2 * column * magnification
            )
            x += run.columns * column * magnification
        }
        return band
    }

    private func offset(of width: Int, aligned alignment: TextStyle.Alignment) -> Int {
        switch alignment {
        case .left: 0
        case .center: max((profile.dotsPerLine - width) / 2, 0)
        case .right: max(profile.dotsPerLine - width, 0)
        }
    }
}
