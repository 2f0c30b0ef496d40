// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What a receipt printer can do, as far as rendering a ticket needs: the paper, the fonts, QR codes, the
/// cutter and the real-time status. The daemon turns it into a rendering profile.
///
/// - Configuration keys:
///   - `[paper]` (table, required for printers):
///     - `width_mm` (integer, required): the paper roll's width, 58 or 80.
///     - `dots_per_line` (integer, required): printable dots per line, a multiple of 8 (raster rows are whole
///       bytes) and at most the paper width at 8 dots/mm (203 dpi), e.g. 384 on 58 mm, 576 on 80 mm.
///     - `font_a_columns` (integer, required): characters per line in Font A, at most `dots_per_line / 12`
///       (Font A is 12 dots wide), e.g. 32 on 384 dots, 48 on 576.
///   - `[escpos]` (table, required for printers):
///     - `chinese_font` (string, required): `gb18030` (a built-in Chinese font for GB18030 text after `FS &`)
///       or `none` (Chinese text must be printed as a raster image).
///     - `code_page` (integer 0–255, optional): the `ESC t n` code page for single-byte text.
///     - `qr` (string, required): `native` (`GS ( k`) or `raster` (drawn as a `GS v 0` image).
///     - `cut` (string, required): `full`, `partial` or `none`.
///     - `status` (string, required): `dle-eot` (answers `DLE EOT n` real-time status) or `none`.
public struct PrinterDescription: Hashable, Sendable {
    /// How Chinese text reaches the paper.
    public enum ChineseFont: String, Hashable, Sendable, CaseIterable {
        /// A built-in GB18030 font: text is sent as GB18030 bytes in Chinese mode (`FS &`).
        case gb18030
        /// No Chinese font: Chinese text is rendered to a raster image.
        case none
    }

    /// How QR codes are printed.
    public enum QRCode: String, Hashable, Sendable, CaseIterable {
        /// The printer draws them itself (`GS ( k`, function 165–181).
        case native
        /// kioskd draws them and sends a raster image (`GS v 0`).
        case raster
    }

    /// What the cutter can do.
    public enum Cut: String, Hashable, Sendable, CaseIterable {
        /// A full cut (`GS V 0` / `GS V 65 n`).
        case full
        /// A partial cut, leaving a tab (`GS V 1` / `GS V 66 n`).
        case partial
        /// No cutter: the citizen tears the paper off.
        case none
    }

    /// How the printer reports paper and cover state.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Real-time status: `DLE EOT n` (10 04 n) answered at once, even mid-job.
        case dleEOT = "dle-eot"
        /// No status read back.
        case none
    }

    /// The paper roll widths kiosks use, in millimetres.
    public static let paperWidths = [58, 80]
    /// Dots per millimetre of a 203-dpi head: the most dots a millimetre of paper can hold.
    public static let dotsPerMillimetre = 8
    /// The width of a Font A character in dots (12 × 24).
    public static let fontADotWidth = 12

    /// The paper roll's width in millimetres.
    public var paperWidthMillimetres: Int
    /// Printable dots per line.
    public var dotsPerLine: Int
    /// Characters per line in Font A.
    public var fontAColumns: Int
    /// How Chinese text reaches the paper.
    public var chineseFont: ChineseFont
    /// The `ESC t n` code page for single-byte text, when the file names one.
    public var codePage: Int?
    /// How QR codes are printed.
    public var qrCode: QRCode
    /// What the cutter can do.
    public var cut: Cut
    /// How the printer reports paper and cover state.
    public var status: Status

    /// Creates a printer description.
    ///
    /// - Parameters:
    ///   - paperWidthMillimetres: The paper roll's width.
    ///   - dotsPerLine: Printable dots per line.
    ///   - fontAColumns: Characters per line in Font A.
    ///   - chineseFont: How Chinese text reaches the paper.
    ///   - codePage: The `ESC t n` code page, if any.
    ///   - qrCode: How QR codes are printed.
    ///   - cut: What the cutter can do.
    ///   - status: How the printer reports paper and cover state.
    public init(
        paperWidthMillimetres: Int, dotsPerLine: Int, fontAColumns: Int, chineseFont: ChineseFont,
        codePage: Int? = nil, qrCode: QRCode, cut: Cut, status: Status
    ) {
        self.paperWidthMillimetres = paperWidthMillimetres
        self.dotsPerLine = dotsPerLine
        self.fontAColumns = fontAColumns
        self.chineseFont = chineseFont
        self.codePage = codePage
        self.qrCode = qrCode
        self.cut = cut
        self.status = status
    }

    /// Bytes per raster row (`GS v 0`'s `xL xH`): ``dotsPerLine`` / 8.
    public var rasterBytesPerLine: Int { dotsPerLine / 8 }

    /// `80 mm, 576 dots, 48 columns, Chinese font gb18030, QR native, cut partial, status dle-eot`.
    public var summary: String {
        "\(paperWidthMillimetres) mm, \(dotsPerLine) dots, \(fontAColumns) columns, "
            + "Chinese font \(chineseFont.rawValue), QR \(qrCode.rawValue), cut \(cut.rawValue), "
            + "status \(status.rawValue)"
    }
}
