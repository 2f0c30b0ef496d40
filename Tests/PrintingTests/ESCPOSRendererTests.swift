// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import PrintTesting
import Printing
import Testing

/// Byte sequences checked against research/printing-cups.md §3 (python-escpos, HPRT TP80K, SPRT, Epson
/// manuals) and GB18030 codes from glibc's `iconv -t GB18030`.
@Suite struct ESCPOSRendererTests {
    private func render(_ blocks: [PrintBlock], on profile: PrinterProfile) throws -> [UInt8] {
        try ESCPOSRenderer(profile: profile, font: RasterFont()).render(PrintLayout(blocks))
    }

    @Test func startsWithInitialize() throws {
        let bytes = try render([.text("A")], on: .chinese58)
        #expect(Array(bytes.prefix(2)) == [0x1B, 0x40])
    }

    @Test func chineseTextIsGB18030BetweenFSAmpersandAndFSPeriod() throws {
        let bytes = try render([.text("取号A1")], on: .chinese58)
        // 取 C8 A1, 号 BA C5 (GB2312 row 40 and 26); FS & = 1C 26, FS . = 1C 2E.
        #expect(bytes == [0x1B, 0x40, 0x1C, 0x26, 0xC8, 0xA1, 0xBA, 0xC5, 0x41, 0x31, 0x1C, 0x2E, 0x0A])
    }

    @Test func asciiOnlyLinesLeaveChineseModeAlone() throws {
        let bytes = try render([.text("A001")], on: .chinese58)
        #expect(bytes == [0x1B, 0x40, 0x41, 0x30, 0x30, 0x31, 0x0A])
    }

    @Test func sizeAlignmentAndEmphasisUseGSExclamationESCaAndESCE() throws {
        let bytes = try render([.text("A", .title), .text("B", .ticketNumber)], on: .chinese58)
        // ESC a 1, ESC E 1, GS ! 0x11 (2×2), "A" LF; GS ! 0x77 (8×8), "B" LF.
        #expect(
            bytes == [
                0x1B, 0x40, 0x1B, 0x61, 0x01, 0x1B, 0x45, 0x01, 0x1D, 0x21, 0x11, 0x41, 0x0A, 0x1D, 0x21, 0x77, 0x42,
                0x0A,
            ])
    }

    @Test func nativeQRCodeIsModel2SizeECCMStoreAndPrint() throws {
        let payload = "https://hall.example.cn/t/1"
        let bytes = try render([.qrCode(payload)], on: .chinese80)
        let k = payload.utf8.count + 3
        let moduleDots = try QRCodeMatrix(payload: payload).moduleDots(for: .chinese80)
        #expect(
            bytes == [0x1B, 0x40, 0x1B, 0x61, 0x01]
                + [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]
                + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, UInt8(moduleDots)]
                + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31]
                + [0x1D, 0x28, 0x6B, UInt8(k % 256), UInt8(k / 256), 0x31, 0x50, 0x30] + Array(payload.utf8)
                + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]
        )
        #expect((1...16).contains(moduleDots))
    }

    @Test(arguments: [(PrinterProfile.raster58, 48), (.international80, 72)])
    func rasterTextIsGSv0WithTheRowBytesOfThePaper(profile: PrinterProfile, bytesPerRow: Int) throws {
        let bytes = try render([.text("取号")], on: profile)
        // GS v 0 m xL xH yL yH: 48 bytes (384 dots) or 72 bytes (576 dots) per row, 24 + 6 rows.
        #expect(Array(bytes.prefix(10)) == [0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, UInt8(bytesPerRow), 0x00, 30, 0x00])
        #expect(bytes.count == 10 + bytesPerRow * 30)
    }

    @Test(arguments: [
        (PrinterProfile.chinese58, [UInt8]([0x1D, 0x56, 0x01])), (.international80, [0x1D, 0x56, 0x00]),
        (.raster58, []),
    ])
    func cutFeedsPastTheCutterThenCutsAsTheModelCan(profile: PrinterProfile, cut: [UInt8]) throws {
        let bytes = try render([.cut], on: profile)
        #expect(bytes == [0x1B, 0x40, 0x1B, 0x64, 0x04] + cut)
    }

    @Test func characterOutsideThePrinterFontsTwoByteRangeIsDrawn() throws {
        // 𠈌 (U+2020C, CJK Extension B) is a four-byte GB18030 code: printer fonts stop at GBK.
        let document = try ESCPOSInterpreter().interpret(render([.text("张"), .text("𠈌*")], on: .chinese58))
        #expect(document.lines.map(\.text) == ["张"])
        #expect(document.images.count == 1)
    }

    @Test func rasterPrinterWithoutTextNeedsNoFont() throws {
        let bytes = try ESCPOSRenderer(profile: .raster58).render(PrintLayout([.feed(lines: 2), .cut]))
        #expect(bytes == [0x1B, 0x40, 0x1B, 0x64, 0x02, 0x1B, 0x64, 0x04])
    }

    @Test func emptyQRPayloadIsAnError() throws {
        let error = try #require(throws: PrintingError.self) { try render([.qrCode("")], on: .chinese58) }
        #expect(error.code == .qrCodeFailed)
    }

    @Test func tooLongQRPayloadIsAnErrorNotATruncation() throws {
        let payload = String(repeating: "x", count: 3000)
        let error = try #require(throws: PrintingError.self) { try render([.qrCode(payload)], on: .chinese80) }
        #expect(error.code == .qrCodeFailed)
    }
}
