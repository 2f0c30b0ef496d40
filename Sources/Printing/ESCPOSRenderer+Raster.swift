// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension ESCPOSRenderer {
    /// The width of full-width raster images: the paper's dots rounded down to whole bytes.
    private var imageWidth: Int { profile.rasterBytesPerRow * 8 }

    /// A text line drawn on the character grid, placed as the printer would align it.
    func textImage(_ line: TextLine, font: RasterFont) -> MonochromeBitmap {
        let column = profile.dotsPerColumn
        let lineWidth = line.text.printColumns * column * line.magnification
        var bitmap = MonochromeBitmap(width: imageWidth, height: 2 * column * line.magnification + Self.rasterLineGap)
        let x =
            switch line.alignment {
            case .left: 0
            case .center: max((imageWidth - lineWidth) / 2, 0)
            case .right: max(imageWidth - lineWidth, 0)
            }
        font.draw(
            line.text, magnification: line.magnification, isBold: line.isBold, columnWidth: column, into: &bitmap,
            x: x, y: 0
        )
        return bitmap
    }

    /// A dashed rule, two dots thick, one dash per column, in a band as high as a line of text.
    func ruleImage() -> MonochromeBitmap {
        let column = profile.dotsPerColumn
        var bitmap = MonochromeBitmap(width: imageWidth, height: 2 * column + Self.rasterLineGap)
        for dash in stride(from: 0, to: profile.fontAColumns * column, by: column) {
            bitmap.fill(x: dash + column / 4, y: column - 1, width: column / 2, height: 2)
        }
        return bitmap
    }

    /// A QR code centred on the paper, with its quiet zone.
    func qrImage(_ matrix: QRCodeMatrix) -> MonochromeBitmap {
        let symbol = matrix.bitmap(moduleDots: matrix.moduleDots(for: profile))
        var bitmap = MonochromeBitmap(width: imageWidth, height: symbol.height)
        bitmap.draw(symbol, x: max((imageWidth - symbol.width) / 2, 0), y: 0)
        return bitmap
    }
}
