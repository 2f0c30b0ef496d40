// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What the renderer needs to know about one printer model.
///
/// The daemon builds profiles from the `devices/*.toml` printer files; the presets in
/// `PrinterProfile+Presets.swift` cover the common 58 and 80 mm Chinese printers.
///
/// - Configuration keys (as the printer files spell them):
///   - `paper_width_mm` (integer, 58 or 80): the roll width.
///   - `dots_per_line` (integer, default 384 for 58 mm and 576 for 80 mm): printable dots across the roll.
///   - `font_a_columns` (integer, default 32 for 58 mm and 48 for 80 mm): font A (12×24) characters per line.
///   - `chinese_text` (`gb18030` or `none`, default `gb18030`): whether the printer has a GB18030 font;
///     `none` prints all text as raster images drawn from a CJK font.
///   - `qr_code` (`native` or `raster`, default `native`): `GS ( k` symbols, or images drawn here.
///   - `cut` (`full`, `partial` or `none`, default `partial`): what the cutter can do.
///   - `maximum_magnification` (integer 1–8, default 8): the largest `GS !` magnification the model accepts.
public struct PrinterProfile: Sendable, Hashable {
    /// Whether text is sent as GB18030 characters for the printer's font, or drawn here as raster images.
    public enum ChineseText: String, Sendable, Hashable, CaseIterable {
        /// The printer has a GB18030 font: text goes as characters between `FS &` and `FS .`.
        case gb18030
        /// No Chinese font: every text line is drawn with FreeType and sent as a `GS v 0` image.
        case none
    }

    /// How QR codes reach the paper.
    public enum QRCode: String, Sendable, Hashable, CaseIterable {
        /// The printer draws the symbol from `GS ( k` (model 2, error correction M).
        case native
        /// The symbol is encoded here (libqrencode) and sent as a `GS v 0` image.
        case raster
    }

    /// What the cutter does at the end of a ticket.
    public enum Cut: String, Sendable, Hashable, CaseIterable {
        /// `GS V 0`: cut through.
        case full
        /// `GS V 1`: cut leaving a hinge.
        case partial
        /// No cutter: feed the paper out to the tear bar.
        case none
    }

    /// The roll width in millimetres (58 or 80).
    public var paperWidthMillimetres: Int
    /// Printable dots across the roll (384 on 58 mm and 576 on 80 mm at 203 dpi).
    public var dotsPerLine: Int
    /// Font A (12×24 dots) characters per line at normal size; a Chinese character takes two.
    public var fontAColumns: Int
    /// Whether the printer has a GB18030 font.
    public var chineseText: ChineseText
    /// How QR codes are printed.
    public var qrCode: QRCode
    /// What the cutter does.
    public var cut: Cut
    /// The largest character magnification (`GS !`, 1–8) the model accepts.
    public var maximumMagnification: Int

    /// Creates a profile; the dots and columns default from the paper width.
    /// - Parameters:
    ///   - paperWidthMillimetres: The roll width: 58 or 80 (any width of 70 mm or more counts as 80).
    ///   - dotsPerLine: Printable dots per line; defaults to 384 below 70 mm and 576 above.
    ///   - fontAColumns: Font A columns per line; defaults to 32 below 70 mm and 48 above.
    ///   - chineseText: Whether the printer has a GB18030 font.
    ///   - qrCode: How QR codes are printed.
    ///   - cut: What the cutter does.
    ///   - maximumMagnification: The largest `GS !` magnification, clamped to 1–8.
    public init(
        paperWidthMillimetres: Int,
        dotsPerLine: Int? = nil,
        fontAColumns: Int? = nil,
        chineseText: ChineseText = .gb18030,
        qrCode: QRCode = .native,
        cut: Cut = .partial,
        maximumMagnification: Int = 8
    ) {
        let wide = paperWidthMillimetres >= 70
        self.paperWidthMillimetres = paperWidthMillimetres
        self.dotsPerLine = max(dotsPerLine ?? (wide ? 576 : 384), 8)
        self.fontAColumns = max(fontAColumns ?? (wide ? 48 : 32), 1)
        self.chineseText = chineseText
        self.qrCode = qrCode
        self.cut = cut
        self.maximumMagnification = min(max(maximumMagnification, 1), 8)
    }

    /// The width of one font A column in dots (12 on both common widths).
    public var dotsPerColumn: Int { max(dotsPerLine / fontAColumns, 1) }

    /// Bytes per row of a full-width `GS v 0` image.
    public var rasterBytesPerRow: Int { dotsPerLine / 8 }
}
