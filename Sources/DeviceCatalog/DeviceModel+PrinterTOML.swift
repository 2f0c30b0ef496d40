// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension DeviceModel {
    /// `[paper]` and `[escpos]`: required for printers, refused for other kinds.
    static func readPrinter(_ document: DeviceTable, kind: Kind) throws(DeviceCatalogError) -> PrinterDescription? {
        guard kind == .printer else {
            for key in ["paper", "escpos"] where document.has(key) {
                throw document.error(
                    .unknownKey, key, "unknown key for a \(kind); [paper] and [escpos] describe printers only")
            }
            return nil
        }
        guard let paper = try document.table("paper") else {
            throw document.error(
                .missingKey, "paper",
                "missing required table [paper] (expected `width_mm`, `dots_per_line` and `font_a_columns`)")
        }
        guard let escpos = try document.table("escpos") else {
            throw document.error(
                .missingKey, "escpos",
                "missing required table [escpos] (expected `chinese_font`, `qr`, `cut` and `status`)")
        }
        try paper.rejectUnknownKeys(allowed: ["width_mm", "dots_per_line", "font_a_columns"])
        try escpos.rejectUnknownKeys(allowed: ["chinese_font", "code_page", "qr", "cut", "status"])

        let widths = PrinterDescription.paperWidths
        let widthList = widths.map(String.init).joined(separator: " or ")
        guard let width = try paper.integer("width_mm", in: 1...1000) else {
            throw paper.missing("width_mm", "the paper roll's width in mm, \(widthList)")
        }
        guard widths.contains(width) else {
            throw paper.error(
                .invalidValue, "width_mm", "expected the paper roll's width in mm, \(widthList), found \(width)")
        }
        let mostDots = width * PrinterDescription.dotsPerMillimetre
        guard let dots = try paper.integer("dots_per_line", in: 8...100_000) else {
            throw paper.missing("dots_per_line", "printable dots per line, e.g. 384 on 58 mm or 576 on 80 mm")
        }
        guard dots <= mostDots else {
            throw paper.error(
                .invalidValue, "dots_per_line",
                "expected at most \(mostDots) dots (\(width) mm paper at \(PrinterDescription.dotsPerMillimetre) "
                    + "dots/mm), found \(dots), which is wider than the paper")
        }
        guard dots.isMultiple(of: 8) else {
            throw paper.error(
                .invalidValue, "dots_per_line",
                "expected a multiple of 8 (raster rows are whole bytes), found \(dots); the nearest are "
                    + "\(dots / 8 * 8) and \(dots / 8 * 8 + 8)")
        }
        let mostColumns = dots / PrinterDescription.fontADotWidth
        guard let columns = try paper.integer("font_a_columns", in: 1...1000) else {
            throw paper.missing("font_a_columns", "characters per line in Font A, e.g. 32 on 384 dots or 48 on 576")
        }
        guard columns <= mostColumns else {
            throw paper.error(
                .invalidValue, "font_a_columns",
                "expected at most \(mostColumns) columns (\(dots) dots / \(PrinterDescription.fontADotWidth)-dot "
                    + "Font A characters), found \(columns)")
        }
        let codePage = try escpos.integer("code_page", in: 0...255)
        return PrinterDescription(
            paperWidthMillimetres: width, dotsPerLine: dots, fontAColumns: columns,
            chineseFont: try required(escpos, "chinese_font", PrinterDescription.ChineseFont.self),
            codePage: codePage,
            qrCode: try required(escpos, "qr", PrinterDescription.QRCode.self),
            cut: try required(escpos, "cut", PrinterDescription.Cut.self),
            status: try required(escpos, "status", PrinterDescription.Status.self))
    }

    /// A required key whose value is one of an enumeration's raw values.
    private static func required<Value: RawRepresentable & CaseIterable>(
        _ table: DeviceTable, _ key: String, _ type: Value.Type
    ) throws(DeviceCatalogError) -> Value where Value.RawValue == String {
        let words = Value.allCases.map(\.rawValue)
        guard let word = try table.word(key, oneOf: words), let value = Value(rawValue: word) else {
            throw table.missing(key, "one of " + words.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return value
    }
}
