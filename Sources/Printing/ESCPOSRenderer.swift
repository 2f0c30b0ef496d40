// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Renders a ``PrintLayout`` to ESC/POS bytes for one ``PrinterProfile``.
///
/// The stream starts with `ESC @`. With a GB18030 printer font, text goes as GB18030 characters (through
/// glibc's iconv) between `FS &` and `FS .`, sized with `GS !` (which sizes Chinese characters too; of
/// `GS !` and `FS !` the last sent wins on Epson, so `FS !` is never sent), aligned with `ESC a`,
/// emphasized with `ESC E`; a line holding a character outside GB18030's two-byte range (a rare name
/// character) is drawn as an image instead, since printer fonts stop at GBK (or, with no CJK font
/// installed, sent as it is). Without a printer font, every text line is
/// drawn with ``RasterFont`` and sent as a `GS v 0` image on the same character grid. QR codes go as
/// `GS ( k` or as images, per ``PrinterProfile/qrCode``. Nothing is truncated: text was wrapped to the
/// paper by the layout's typesetting, and a QR payload that does not fit a symbol is an error.
public struct ESCPOSRenderer: Sendable {
    /// Dots of paper left under each raster text line, as a printer's default line spacing leaves.
    static let rasterLineGap = 6

    /// The printer rendered for.
    public let profile: PrinterProfile
    /// The font for raster text, if already open.
    public let font: RasterFont?

    /// Creates a renderer.
    /// - Parameters:
    ///   - profile: The printer to render for.
    ///   - font: The font for raster text; when `nil` and the printer needs one, ``render(_:)`` opens the
    ///     default font each time. Open one ``RasterFont`` and share it.
    public init(profile: PrinterProfile, font: RasterFont? = nil) {
        self.profile = profile
        self.font = font
    }

    /// The ESC/POS bytes of a layout.
    /// - Parameter layout: What to print.
    /// - Returns: The whole job, from `ESC @` to the cut.
    /// - Throws: ``PrintingError/Code-swift.struct/fontNotFound`` or
    ///   ``PrintingError/Code-swift.struct/fontUnreadable`` when raster text needs a font that cannot be
    ///   opened, ``PrintingError/Code-swift.struct/qrCodeFailed`` for a QR payload that cannot be encoded,
    ///   ``PrintingError/Code-swift.struct/encodingFailed`` when iconv fails.
    public func render(_ layout: PrintLayout) throws(PrintingError) -> [UInt8] {
        let lines = Typesetter(profile: profile).lines(for: layout)
        var rasterFont = font
        if rasterFont == nil, profile.chineseText == .none, lines.contains(where: \.isText) {
            rasterFont = try RasterFont()
        }
        var writer = ESCPOSWriter()
        writer.initialize()
        for line in lines {
            switch line {
            case .text(let text):
                try write(text, to: &writer, font: &rasterFont)
            case .rule:
                if profile.chineseText == .none {
                    writer.printImage(ruleImage())
                } else {
                    try write(Self.textRule(for: profile), to: &writer, font: &rasterFont)
                }
            case .qrCode(let payload):
                let matrix = try QRCodeMatrix(payload: payload)
                switch profile.qrCode {
                case .native: writer.printQRCode(Array(payload.utf8), moduleDots: matrix.moduleDots(for: profile))
                case .raster: writer.printImage(qrImage(matrix))
                }
            case .feed(let count):
                writer.feed(lines: count)
            case .cut:
                writer.cut(profile.cut)
            }
        }
        return writer.bytes
    }

    /// A text line as characters, or as an image in raster mode or when the printer font lacks a character.
    private func write(_ line: TextLine, to writer: inout ESCPOSWriter, font: inout RasterFont?) throws(PrintingError) {
        if profile.chineseText == .gb18030 {
            let encoded = try GB18030.encode(line.text)
            let expected = line.text.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
            if encoded.count == expected || !Self.canOpenFont(&font) {
                writer.setAlignment(line.alignment)
                writer.setBold(line.isBold)
                writer.setMagnification(line.magnification)
                writer.printLine(encoded)
                return
            }
        }
        guard let font else { throw PrintingError(.fontNotFound, "raster text without a font") }
        writer.printImage(textImage(line, font: font))
    }

    /// Opens the default font when none is open yet; `false` when there is none to open.
    private static func canOpenFont(_ font: inout RasterFont?) -> Bool {
        if font == nil { font = try? RasterFont() }
        return font != nil
    }

    /// A rule of dashes across the paper at normal size.
    static func textRule(for profile: PrinterProfile) -> TextLine {
        TextLine(
            text: String(repeating: "-", count: profile.fontAColumns), magnification: 1, alignment: .left,
            isBold: false
        )
    }
}

extension TypesetLine {
    /// Whether this is a text line.
    fileprivate var isText: Bool {
        if case .text = self { true } else { false }
    }
}
