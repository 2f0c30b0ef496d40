// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension PrinterProfile {
    /// A 58 mm Chinese kiosk printer (Xprinter XP-58, Gprinter, 芯烨 and similar): 384 dots, 32 columns,
    /// GB18030 font, native QR codes, partial cut.
    public static let chinese58 = PrinterProfile(paperWidthMillimetres: 58)

    /// An 80 mm Chinese kiosk printer (Xprinter XP-80, Gprinter GP-80, SPRT, HPRT and similar): 576 dots,
    /// 48 columns, GB18030 font, native QR codes, partial cut.
    public static let chinese80 = PrinterProfile(paperWidthMillimetres: 80)

    /// A 58 mm printer without a Chinese font or QR support (cheap no-name mechanisms): everything is
    /// printed as raster images; no cutter.
    public static let raster58 = PrinterProfile(
        paperWidthMillimetres: 58, chineseText: .none, qrCode: .raster, cut: .none
    )

    /// An 80 mm printer without a Chinese font (international Epson TM-T20/TM-T88 models): text as raster
    /// images, native QR codes, full cut.
    public static let international80 = PrinterProfile(paperWidthMillimetres: 80, chineseText: .none, cut: .full)
}
