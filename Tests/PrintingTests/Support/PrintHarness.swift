// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import PrintTesting
import Printing
import Testing

/// Renders layouts, interprets the bytes, draws and scans the paper.
enum PrintHarness {
    /// The bytes of a layout and what they print.
    static func print(_ layout: PrintLayout, on profile: PrinterProfile) throws -> (
        bytes: [UInt8], document: PrintedDocument
    ) {
        let bytes = try ESCPOSRenderer(profile: profile, font: RasterFont()).render(layout)
        return (bytes, try ESCPOSInterpreter().interpret(bytes))
    }

    /// The same printer with a GB18030 font and native QR codes: its text lines are what a raster
    /// printout must show, cell for cell.
    static func textTwin(of profile: PrinterProfile) -> PrinterProfile {
        var twin = profile
        twin.chineseText = .gb18030
        twin.qrCode = .native
        return twin
    }

    /// Writes the paper to `.build/test-output/<name>` and returns the file.
    @discardableResult
    static func writePicture(_ document: PrintedDocument, on profile: PrinterProfile, named name: String) throws -> URL
    {
        let url = try TestOutput.directory().appendingPathComponent(name)
        try PaperImage(profile: profile, font: RasterFont()).writePNG(of: document, to: url)
        return url
    }

    /// The QR payloads zbarimg (Debian's zbar-tools) reads from a picture.
    static func scanQRCodes(in picture: URL) throws -> [String] {
        let zbarimg = "/usr/bin/zbarimg"
        try #require(FileManager.default.isExecutableFile(atPath: zbarimg), "install zbar-tools for zbarimg")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", picture.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The characters of a text other than spaces, in order: what wrapping must keep.
    static func visibleCharacters(_ text: some StringProtocol) -> String {
        String(text.filter { $0 != " " && $0 != "\n" })
    }
}

extension PrintHarness {
    /// Checks that a raster printout shows, band for band and cell for cell, the text lines the same layout
    /// prints on a GB18030 printer: ink in every cell of a character, none in the cells of spaces, none
    /// outside the line.
    static func expectRasterShowsTextLines(of layout: PrintLayout, on profile: PrinterProfile) throws {
        let raster = try print(layout, on: profile).document
        let text = try print(layout, on: textTwin(of: profile)).document
        let shown = raster.items.filter {
            if case .image = $0 { true } else if case .qrCode = $0 { true } else { false }
        }
        let meant = text.items.filter { if case .text = $0 { true } else if case .qrCode = $0 { true } else { false } }
        try #require(shown.count == meant.count, "one raster band per text line or QR code")
        let column = profile.dotsPerColumn
        for (band, line) in zip(shown, meant) {
            guard case .text(let line) = line else { continue }
            guard case .image(let image) = band else {
                Issue.record("a text line printed as something other than an image")
                continue
            }
            let magnification = line.widthMagnification
            #expect(image.height == 2 * column * magnification + 6)
            #expect(image.width == profile.rasterBytesPerRow * 8)
            let lineWidth = line.columns * column
            let start =
                switch line.alignment {
                case .left: 0
                case .center: (image.width - lineWidth) / 2
                case .right: image.width - lineWidth
                }
            var x = start
            for character in line.text {
                let width = character.printColumns * column * magnification
                if character == " " {
                    #expect(
                        !image.bitmap.hasInk(x: x + 2, y: 0, width: width - 4, height: image.height),
                        "ink in a space of \(line.text)")
                } else {
                    #expect(
                        image.bitmap.hasInk(x: x, y: 0, width: width, height: image.height),
                        "no ink for \(character) of \(line.text)")
                }
                x += width
            }
            #expect(!image.bitmap.hasInk(x: 0, y: 0, width: start - 1, height: image.height))
            #expect(!image.bitmap.hasInk(x: x + 1, y: 0, width: image.width - x - 1, height: image.height))
        }
    }

    /// Checks that every text line and image fits the paper.
    static func expectFitsPaper(_ document: PrintedDocument, on profile: PrinterProfile) {
        for line in document.lines {
            #expect(line.columns <= profile.fontAColumns, "\(line.text) is \(line.columns) columns")
        }
        for image in document.images {
            #expect(image.width <= profile.dotsPerLine)
        }
        for code in document.qrCodes {
            let modules = try? QRCodeMatrix(payload: code.text).size + 2 * QRCodeMatrix.quietZoneModules
            #expect(code.moduleSize * (modules ?? .max) <= profile.dotsPerLine)
        }
    }
}
