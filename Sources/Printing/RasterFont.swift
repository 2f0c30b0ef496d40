// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CFreeType
import Glibc
import Synchronization

/// The CJK font raster text is drawn with: Noto Sans CJK SC from Debian's `fonts-noto-cjk`, regular and
/// bold, through FreeType.
///
/// Characters sit on the printer's grid: an ASCII character in a cell of one font A column, any other in a
/// cell of two, both `2 × column` dots high, scaled by the magnification; glyphs wider than their cell are
/// narrowed to fit. Open one font and share it: every FreeType call happens under its lock.
public final class RasterFont: Sendable {
    /// Where the regular face is looked for, in order.
    public static let regularCandidates = [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    ]

    /// Where the bold face is looked for, in order.
    public static let boldCandidates = regularCandidates.map { $0.replacingSuffix("Regular.ttc", with: "Bold.ttc") }

    /// The family preferred inside a font collection: simplified Chinese glyph forms.
    private static let preferredFamily = "Noto Sans CJK SC"

    /// The regular font file in use.
    public let regularPath: String
    /// The bold font file in use, or `nil` when bold is drawn by doubling strokes.
    public let boldPath: String?

    private let faces: Mutex<Faces>

    /// Opens the first regular and bold Noto Sans CJK files found among the candidates.
    /// - Throws: ``PrintingError/Code-swift.struct/fontNotFound`` naming the paths tried when no regular
    ///   face exists, ``PrintingError/Code-swift.struct/fontUnreadable`` when FreeType cannot open it.
    public convenience init() throws(PrintingError) {
        guard let regular = Self.regularCandidates.first(where: Self.isReadableFile) else {
            throw PrintingError(
                .fontNotFound,
                "tried \(Self.regularCandidates.joined(separator: ", ")); install the fonts-noto-cjk package"
            )
        }
        try self.init(regularPath: regular, boldPath: Self.boldCandidates.first(where: Self.isReadableFile))
    }

    /// Opens the given font files (TrueType, OpenType or collections).
    /// - Parameters:
    ///   - regularPath: The regular face's file.
    ///   - boldPath: The bold face's file, or `nil` to draw bold by doubling strokes.
    /// - Throws: ``PrintingError/Code-swift.struct/fontUnreadable`` when FreeType cannot open a file.
    public init(regularPath: String, boldPath: String?) throws(PrintingError) {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw PrintingError(.fontUnreadable, "FT_Init_FreeType failed")
        }
        do {
            let regular = try Self.openFace(library: library, path: regularPath)
            let bold = try boldPath.map { path throws(PrintingError) in try Self.openFace(library: library, path: path)
            }
            self.faces = Mutex(Faces(library: library, regular: regular, bold: bold))
        } catch {
            FT_Done_FreeType(library)
            throw error
        }
        self.regularPath = regularPath
        self.boldPath = boldPath
    }

    deinit {
        faces.withLock { faces in
            FT_Done_Face(faces.regular)
            if let bold = faces.bold { FT_Done_Face(bold) }
            FT_Done_FreeType(faces.library)
        }
    }

    /// Draws a line of text on the character grid.
    /// - Parameters:
    ///   - text: The characters; an ASCII one takes one column, any other two.
    ///   - magnification: The magnification, width and height alike.
    ///   - isBold: Whether to use the bold face.
    ///   - columnWidth: Dots per font A column at normal size (``PrinterProfile/dotsPerColumn``).
    ///   - bitmap: The image to draw into.
    ///   - x: The left edge of the first cell.
    ///   - y: The top of the cells.
    package func draw(
        _ text: String, magnification: Int, isBold: Bool, columnWidth: Int,
        into bitmap: inout MonochromeBitmap, x: Int, y: Int
    ) {
        let column = columnWidth * magnification
        let height = 2 * column
        let baseline = y + height * 88 / 100
        faces.withLock { faces in
            let face = isBold ? faces.bold ?? faces.regular : faces.regular
            let doublesStrokes = isBold && faces.bold == nil
            var cellX = x
            for character in text {
                let cellWidth = character.printColumns * column
                defer { cellX += cellWidth }
                guard character != " ", let scalar = character.unicodeScalars.first else { continue }
                Self.drawGlyph(
                    scalar, face: face, height: height, cellWidth: cellWidth, into: &bitmap, x: cellX,
                    baseline: baseline, doublesStrokes: doublesStrokes ? max(magnification, 1) : 0
                )
            }
        }
    }

    /// Renders one glyph centred in its cell, narrowed when its advance is wider than the cell.
    private static func drawGlyph(
        _ scalar: Unicode.Scalar, face: FT_Face, height: Int, cellWidth: Int,
        into bitmap: inout MonochromeBitmap, x: Int, baseline: Int, doublesStrokes: Int
    ) {
        FT_Set_Pixel_Sizes(face, 0, FT_UInt(height))
        guard FT_Load_Char(face, FT_ULong(scalar.value), FT_Int32(FT_LOAD_RENDER)) == 0 else { return }
        var advance = Int(face.pointee.glyph.pointee.advance.x >> 6)
        if advance > cellWidth {
            FT_Set_Pixel_Sizes(face, FT_UInt(height * cellWidth / advance), FT_UInt(height))
            guard FT_Load_Char(face, FT_ULong(scalar.value), FT_Int32(FT_LOAD_RENDER)) == 0 else { return }
            advance = Int(face.pointee.glyph.pointee.advance.x >> 6)
        }
        let slot = face.pointee.glyph.pointee
        let glyph = slot.bitmap
        guard let buffer = glyph.buffer else { return }
        let left = x + (cellWidth - advance) / 2 + Int(slot.bitmap_left)
        let top = baseline - Int(slot.bitmap_top)
        let isMono = glyph.pixel_mode == UInt8(FT_PIXEL_MODE_MONO.rawValue)
        for row in 0..<Int(glyph.rows) {
            let line = buffer + row * Int(glyph.pitch)
            for column in 0..<Int(glyph.width) {
                let black = isMono ? line[column / 8] & (0x80 >> UInt8(column % 8)) != 0 : line[column] >= 128
                guard black else { continue }
                for offset in 0...doublesStrokes { bitmap.setBlack(x: left + column + offset, y: top + row) }
            }
        }
    }

    private static func openFace(library: FT_Library, path: String) throws(PrintingError) -> FT_Face {
        var first: FT_Face?
        guard FT_New_Face(library, path, 0, &first) == 0, let first else {
            throw PrintingError(.fontUnreadable, "FreeType cannot open \(path)")
        }
        for index in 0..<max(first.pointee.num_faces, 1) {
            var face: FT_Face?
            guard index > 0 else {
                if familyName(first) == preferredFamily { return first }
                continue
            }
            guard FT_New_Face(library, path, index, &face) == 0, let face else { continue }
            if familyName(face) == preferredFamily {
                FT_Done_Face(first)
                return face
            }
            FT_Done_Face(face)
        }
        return first
    }

    private static func familyName(_ face: FT_Face) -> String? {
        face.pointee.family_name.map { String(cString: $0) }
    }

    private static func isReadableFile(_ path: String) -> Bool {
        access(path, R_OK) == 0
    }
}

/// The FreeType handles of a ``RasterFont``, used only under its lock.
private struct Faces {
    let library: FT_Library
    let regular: FT_Face
    let bold: FT_Face?
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
