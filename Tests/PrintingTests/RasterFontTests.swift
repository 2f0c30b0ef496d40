// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Printing
import Testing

@Suite struct RasterFontTests {
    @Test func findsNotoSansCJKFromFontsNotoCJK() throws {
        let font = try RasterFont()
        #expect(font.regularPath.hasSuffix("NotoSansCJK-Regular.ttc"))
        #expect(font.boldPath?.hasSuffix("NotoSansCJK-Bold.ttc") == true)
    }

    @Test func unreadableFontFileIsAnErrorNamingIt() throws {
        let error = try #require(throws: PrintingError.self) {
            try RasterFont(regularPath: "/nonexistent/NotoSansCJK-Regular.ttc", boldPath: nil)
        }
        #expect(error.code == .fontUnreadable)
        #expect(error.description.contains("/nonexistent/NotoSansCJK-Regular.ttc"))
    }

    @Test func glyphsFillTheirCellsAndNothingElse() throws {
        let font = try RasterFont()
        var bitmap = MonochromeBitmap(width: 96, height: 30)
        font.draw("中 A", magnification: 1, isBold: false, columnWidth: 12, into: &bitmap, x: 0, y: 0)
        #expect(bitmap.hasInk(x: 0, y: 0, width: 24, height: 30))
        #expect(!bitmap.hasInk(x: 26, y: 0, width: 8, height: 30))
        #expect(bitmap.hasInk(x: 36, y: 0, width: 12, height: 30))
        #expect(!bitmap.hasInk(x: 49, y: 0, width: 47, height: 30))
    }
}
