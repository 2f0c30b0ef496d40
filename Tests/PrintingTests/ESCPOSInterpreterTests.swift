// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import PrintTesting
import Printing
import Testing

@Suite struct ESCPOSInterpreterTests {
    private func error(_ bytes: [UInt8]) throws -> PrintTestingError {
        try #require(throws: PrintTestingError.self) { try ESCPOSInterpreter().interpret(bytes) }
    }

    @Test func decodesTextAttributesAndFeeds() throws {
        // ESC ! 0x38: emphasized, double height, double width (python-escpos / Epson ESC ! bits 3, 4, 5).
        let bytes: [UInt8] = [
            0x1B, 0x40, 0x1B, 0x61, 0x32, 0x1B, 0x21, 0x38, 0x41, 0x0A, 0x0A, 0x1B, 0x64, 0x03, 0x1B, 0x4A, 0x10,
        ]
        let document = try ESCPOSInterpreter().interpret(bytes)
        let line = try #require(document.lines.first)
        #expect(line.text == "A" && line.alignment == .right && line.isBold)
        #expect(line.widthMagnification == 2 && line.heightMagnification == 2 && line.columns == 2)
        #expect(document.items == [.initialize, .text(line), .feed(lines: 1), .feed(lines: 3), .feedDots(16)])
    }

    @Test func decodesGB18030InChineseModeIncludingFourByteCodes() throws {
        // 中 D6 D0, 文 CE C4 (GB2312); 𠈌 U+2020C = 95 32 B7 30 by GB18030's four-byte formula:
        // 0x10000 + (0x95 − 0x90)·12600 + (0x32 − 0x30)·1260 + (0xB7 − 0x81)·10 + (0x30 − 0x30).
        let bytes: [UInt8] = [0x1C, 0x26, 0xD6, 0xD0, 0xCE, 0xC4, 0x95, 0x32, 0xB7, 0x30, 0x1C, 0x2E, 0x0A]
        let line = try #require(try ESCPOSInterpreter().interpret(bytes).lines.first)
        #expect(line.text == "中文𠈌" && line.columns == 6)
    }

    @Test func decodesAPublishedQRCodeSequence() throws {
        // The GS ( k sequence of the HPRT TP80K manual p.44: model 2, size 8, ECC L, store "ABC", print.
        let bytes: [UInt8] = [
            0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00, 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x08,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x30, 0x1D, 0x28, 0x6B, 0x06, 0x00, 0x31, 0x50, 0x30, 0x41,
            0x42, 0x43, 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30,
        ]
        let code = try #require(try ESCPOSInterpreter().interpret(bytes).qrCodes.first)
        #expect(code.text == "ABC" && code.model == 2 && code.moduleSize == 8 && code.errorCorrection == "L")
        #expect(code.offset == 36)
    }

    @Test func decodesRasterImagesAndCuts() throws {
        let bytes: [UInt8] = [0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0x80, 0x01, 0x1D, 0x56, 0x42, 0x05]
        let document = try ESCPOSInterpreter().interpret(bytes)
        let image = try #require(document.images.first)
        #expect(image.width == 8 && image.height == 2 && image.bytesPerRow == 1)
        #expect(
            image.bitmap.isBlack(x: 0, y: 0) && !image.bitmap.isBlack(x: 1, y: 0) && image.bitmap.isBlack(x: 7, y: 1))
        let cut = try #require(document.cuts.first)
        #expect(cut.isPartial && cut.feedDots == 5 && cut.offset == 10)
    }

    @Test func unknownCommandNamesItsOffset() throws {
        let failure = try error([0x1B, 0x40, 0x41, 0x0A, 0x1B, 0x7A, 0x00])
        #expect(failure.code == .unknownCommand && failure.offset == 4)
        #expect(failure.description == "unknown_command at byte 4 (1B 7A)")
    }

    @Test func unknownControlByteNamesItsOffset() throws {
        let failure = try error([0x41, 0x0D, 0x0A])
        #expect(failure.code == .unknownCommand && failure.offset == 1)
    }

    @Test func highByteOutsideChineseModeIsInvalid() throws {
        let failure = try error([0x41, 0xD6, 0xD0, 0x0A])
        #expect(failure.code == .invalidCharacter && failure.offset == 1)
    }

    @Test func truncatedImageIsReported() throws {
        let failure = try error([0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 0x30, 0x00, 0x02, 0x00, 0xFF])
        #expect(failure.code == .truncatedCommand && failure.offset == 2)
    }

    @Test func sizeAboveEightIsMalformed() throws {
        let failure = try error([0x1D, 0x21, 0x88])
        #expect(failure.code == .malformedCommand && failure.offset == 0)
    }

    @Test func textWithoutLineFeedAtTheEndIsUnterminated() throws {
        let failure = try error([0x41, 0x42])
        #expect(failure.code == .unterminatedLine && failure.offset == 2)
    }

    @Test func cutInTheMiddleOfALineIsAnError() throws {
        let failure = try error([0x41, 0x1D, 0x56, 0x00])
        #expect(failure.code == .unterminatedLine && failure.offset == 1)
    }

    @Test func printingAQRCodeWithNothingStoredIsAnError() throws {
        let failure = try error([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30])
        #expect(failure.code == .missingQRData && failure.offset == 0)
    }
}
