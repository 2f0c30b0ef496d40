// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation
import Testing

struct DeviceModelPrinterTOMLTests {
    /// The printer fixture with one text replaced; the replacement must happen, so a fixture edit cannot void a test.
    private func printer(replacing old: String, with new: String, base: String = Fixture.usblpPrinter) -> String {
        #expect(base.contains(old), "the fixture no longer contains \(old)")
        return base.replacingOccurrences(of: old, with: new)
    }

    private func error(_ text: String, as name: String = "printer-0416-5011.toml") -> DeviceCatalogError? {
        Fixture.error(parsing: text, as: name)
    }

    @Test func parsesAUsblpPrinterIntoItsDescription() throws {
        let model = try DeviceModel.parse(Fixture.usblpPrinter, path: "devices/printer-0416-5011.toml")
        #expect(model.kind == .printer)
        #expect(model.connection == .usblp(symlink: "kioskd/printer-0416-5011"))
        #expect(model.devicePath == "/dev/kioskd/printer-0416-5011")
        #expect(model.interfaceClass == 7)
        #expect(!model.sharesUSBID)
        #expect(
            model.printer
                == PrinterDescription(
                    paperWidthMillimetres: 58, dotsPerLine: 384, fontAColumns: 32, chineseFont: .gb18030,
                    qrCode: .native,
                    cut: .partial, status: .dleEOT))
        #expect(model.printer?.rasterBytesPerLine == 48)
        #expect(model.unconfirmedFacts.first == "paper.width_mm")
    }

    @Test func parsesACDCPrinterAsATTYWithAFixedName() throws {
        let model = try DeviceModel.parse(Fixture.cdcPrinter, path: "printer-0483-5740.toml")
        #expect(
            model.connection
                == .serial(SerialSettings(baud: 9600, symlink: "kioskd/printer-0483-5740")))
        #expect(model.printer?.status == PrinterDescription.Status.none)
        let noSerial = error(
            Fixture.cdcPrinter.replacingOccurrences(of: "[serial]\nbaud = 9600\n", with: "")
                .replacingOccurrences(of: ", \"serial.baud\"", with: ""),
            as: "printer-0483-5740.toml")
        #expect(noSerial?.code == .missingKey)
        #expect(noSerial?.key == "serial")
    }

    @Test func dotsPerLineMustBeWholeBytesAndFitThePaper() {
        let odd = error(printer(replacing: "dots_per_line = 384", with: "dots_per_line = 420"))
        #expect(odd?.code == .invalidValue)
        #expect(
            odd?.description
                == "devices/printer-0416-5011.toml:13: paper.dots_per_line: expected a multiple of 8 (raster rows are "
                + "whole bytes), found 420; the nearest are 416 and 424")
        let wide = error(printer(replacing: "dots_per_line = 384", with: "dots_per_line = 576"))
        #expect(
            wide?.description
                == "devices/printer-0416-5011.toml:13: paper.dots_per_line: expected at most 464 dots (58 mm paper at "
                + "8 dots/mm), found 576, which is wider than the paper")
        let columns = error(printer(replacing: "font_a_columns = 32", with: "font_a_columns = 48"))
        #expect(columns?.line == 14)
        #expect(columns?.message == "expected at most 32 columns (384 dots / 12-dot Font A characters), found 48")
        let width = error(printer(replacing: "width_mm = 58", with: "width_mm = 57"))
        #expect(width?.message == "expected the paper roll's width in mm, 58 or 80, found 57")
    }

    @Test func codePageIsAnOptionalByte() throws {
        let text = printer(replacing: "chinese_font = \"gb18030\"", with: "chinese_font = \"gb18030\"\ncode_page = 0")
            .replacingOccurrences(of: "\"escpos.qr\"", with: "\"escpos.code_page\", \"escpos.qr\"")
        let model = try DeviceModel.parse(text, path: "printer-0416-5011.toml")
        #expect(model.printer?.codePage == 0)
        #expect(try DeviceModel.parse(Fixture.usblpPrinter, path: "printer-0416-5011.toml").printer?.codePage == nil)
        let tooBig = error(text.replacingOccurrences(of: "code_page = 0", with: "code_page = 256"))
        #expect(
            tooBig?.description
                == "devices/printer-0416-5011.toml:18: escpos.code_page: expected an integer from 0 to 255, found 256")
        let unsourced = error(
            printer(replacing: "chinese_font = \"gb18030\"", with: "chinese_font = \"gb18030\"\ncode_page = 0"))
        #expect(unsourced?.code == .missingSource)
        #expect(unsourced?.key == "escpos.code_page")
    }

    @Test func misspeltKeysSuggestTheNearestOne() {
        let typo = error(printer(replacing: "dots_per_line = 384", with: "dots_per_lne = 384"))
        #expect(typo?.code == .unknownKey)
        #expect(typo?.line == 13)
        #expect(
            typo?.description.hasPrefix(
                "devices/printer-0416-5011.toml:13: paper.dots_per_lne: unknown key (did you mean `dots_per_line`?); "
                    + "expected one of `width_mm`") == true)
        let escpos = error(printer(replacing: "qr = \"native\"", with: "qr_code = \"native\""))
        #expect(escpos?.key == "escpos.qr_code")
        #expect(escpos?.message.hasPrefix("unknown key; expected one of") == true, "qr_code is 5 edits from qr")
        let usb = error(printer(replacing: "interface_class = 7", with: "interface_clas = 7"))
        #expect(usb?.message.contains("(did you mean `interface_class`?)") == true)
    }

    @Test func wrongTypesAndMissingKeysAreNamed() {
        let type = error(printer(replacing: "width_mm = 58", with: "width_mm = \"58\""))
        #expect(type?.code == .wrongType)
        #expect(
            type?.description == "devices/printer-0416-5011.toml:12: paper.width_mm: expected an integer, found \"58\"")
        let missing = error(printer(replacing: "cut = \"partial\"\n", with: ""))
        #expect(missing?.code == .missingKey)
        #expect(missing?.key == "escpos.cut")
        #expect(missing?.line == 16, "a key the file lacks is reported at its table's header")
        #expect(missing?.message == "missing required key `cut` (expected one of \"full\", \"partial\", \"none\")")
        let word = error(printer(replacing: "status = \"dle-eot\"", with: "status = \"asb\""))
        #expect(
            word?.description
                == "devices/printer-0416-5011.toml:20: escpos.status: expected one of \"dle-eot\", \"none\", found \"asb\""
        )
        let noClass = error(printer(replacing: "interface_class = 7\n", with: ""))
        #expect(noClass?.code == .missingKey)
        #expect(noClass?.key == "usb.interface_class")
    }

    @Test func printerTablesBelongToPrintersOnly() {
        let noPaper = error(
            printer(replacing: "[paper]\nwidth_mm = 58\ndots_per_line = 384\nfont_a_columns = 32\n", with: ""))
        #expect(noPaper?.code == .missingKey)
        #expect(noPaper?.key == "paper")
        let reader = Fixture.splitReader + "\n\n[paper]\nwidth_mm = 58\n"
        let readerError = Fixture.error(parsing: reader)
        #expect(readerError?.code == .unknownKey)
        #expect(readerError?.key == "paper")
    }

    @Test func aPrinterClassInterfaceIsNotDrivenThroughLibusb() {
        let libusb = error(printer(replacing: "interface_class = 7", with: "interface_class = 7\nscheme = \"single\""))
        #expect(libusb?.code == .invalidValue)
        #expect(libusb?.key == "usb.scheme")
        #expect(
            libusb?.message.hasPrefix("a printer-class interface (interface_class = 7) is driven by the kernel's usblp")
                == true)
    }

    @Test func everyPrinterFactNeedsASource() {
        let text = printer(replacing: "\"escpos.cut\", ", with: "")
        let error = error(text)
        #expect(error?.code == .missingSource)
        #expect(error?.key == "escpos.cut")
    }

    @Test func aSharedIDIsNamedWithAVariant() throws {
        let shared = printer(replacing: "interface_class = 7", with: "interface_class = 7\nshared_id = true")
            .replacingOccurrences(of: "\"usb.interface_class\"]", with: "\"usb.interface_class\", \"usb.shared_id\"]")
        let model = try DeviceModel.parse(shared, path: "printer-0416-5011-58mm.toml")
        #expect(model.name == "printer-0416-5011-58mm")
        #expect(model.idName == "printer-0416-5011")
        #expect(model.sharesUSBID)
        #expect(model.symlink == "kioskd/printer-0416-5011", "models sharing an id share the device's name")
        #expect(error(shared, as: "printer-0416-5011.toml")?.code == .fileName)
        #expect(error(shared, as: "printer-0416-5011-58MM.toml")?.code == .fileName)
        #expect(
            error(Fixture.usblpPrinter, as: "printer-0416-5011-58mm.toml")?.message.contains("shared_id = true") == true
        )
    }

    @Test func committedPrintersDescribeTheNotesModels() throws {
        let catalog = try DeviceCatalog.load(directory: Fixture.devicesDirectory)
        let epson = try #require(catalog.model(vendorID: 0x04b8, productID: 0x0202))
        #expect(epson.printer?.chineseFont == PrinterDescription.ChineseFont.none)
        #expect(epson.printer?.qrCode == .raster)
        #expect(epson.interfaceClass == 0xff)
        #expect(epson.devicePath == nil, "a vendor-class Epson has no kernel node")
        let pos58 = try #require(catalog.model(vendorID: 0x0416, productID: 0x5011))
        #expect(pos58.printer?.paperWidthMillimetres == 58)
        #expect(pos58.printer?.dotsPerLine == 384)
        #expect(pos58.unconfirmedFacts.contains("usb.interface_class"))
        let xprinterID = try #require(USBDeviceID("0fe6:811e"))
        let xprinters = catalog.models(for: xprinterID)
        #expect(xprinters.map(\.printer?.paperWidthMillimetres) == [58, 80])
        #expect(catalog.model(for: xprinterID) == nil, "a shared id names no single model")
        let gprinterID = try #require(USBDeviceID("6868:0200"))
        let gprinter = try #require(catalog.models(for: gprinterID).first)
        #expect(gprinter.sharesUSBID)
        let cdcID = try #require(USBDeviceID("0483:5740"))
        let cdc = try #require(catalog.models(for: cdcID).first)
        guard case let .serial(settings) = cdc.connection else {
            Issue.record("0483:5740 should be a tty")
            return
        }
        #expect(settings.symlink == "kioskd/printer-0483-5740")
        #expect(cdc.printer?.status == PrinterDescription.Status.none)
    }
}
