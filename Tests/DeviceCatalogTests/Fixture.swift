// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation

/// Paths in the repository and small device files for the tests.
enum Fixture {
    /// The repository root, found from this file's path (`Tests/DeviceCatalogTests/Fixture.swift`).
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The committed `devices/` directory.
    static var devicesDirectory: String { repositoryRoot + "/devices" }

    /// The committed `udev/70-kioskd.rules`.
    static var committedRulesPath: String { repositoryRoot + "/" + UdevRules.committedPath }

    /// A minimal valid libusb reader file for 0400:c35a, named `reader-0400-c35a.toml`.
    static let splitReader = """
        kind = "reader"
        vendor = "Test"
        model = "Split"
        protocol = "ga467-sam"

        [usb]
        vendor_id = "0400"
        product_id = "c35a"
        interface = 0
        scheme = "split"

        [usb.endpoints]
        out_header = 0x02
        out_body = 0x06
        in_header = 0x81
        in_body = 0x85

        [[source]]
        facts = ["vendor", "model", "protocol", "usb.vendor_id", "usb.product_id", "usb.scheme", "usb.endpoints"]
        ref = "test"

        [[source]]
        facts = ["usb.interface"]
        ref = "test"
        confirmed = false
        """

    /// A minimal valid serial reader file for 1a86:7523, named `reader-1a86-7523.toml`.
    static let serialReader = """
        kind = "reader"
        vendor = "Test"
        model = "Serial"
        protocol = "ga467-sam"

        [usb]
        vendor_id = "1a86"
        product_id = "7523"

        [serial]
        baud = 115200

        [[source]]
        facts = ["vendor", "model", "protocol", "usb.vendor_id", "usb.product_id", "serial.baud"]
        ref = "test"
        url = "https://example.org/notes"
        """

    /// A minimal valid usblp printer file for 0416:5011, named `printer-0416-5011.toml`; line numbers matter to
    /// the tests (`[paper]` is line 11, `[escpos]` line 16).
    static let usblpPrinter = """
        kind = "printer"
        vendor = "Test"
        model = "POS58"
        protocol = "escpos"

        [usb]
        vendor_id = "0416"
        product_id = "5011"
        interface_class = 7

        [paper]
        width_mm = 58
        dots_per_line = 384
        font_a_columns = 32

        [escpos]
        chinese_font = "gb18030"
        qr = "native"
        cut = "partial"
        status = "dle-eot"

        [[source]]
        facts = ["vendor", "model", "protocol", "usb.vendor_id", "usb.product_id", "usb.interface_class"]
        ref = "test"

        [[source]]
        facts = ["paper.width_mm", "paper.dots_per_line", "paper.font_a_columns",
                 "escpos.chinese_font", "escpos.qr", "escpos.cut", "escpos.status"]
        ref = "test"
        confirmed = false
        """

    /// A minimal valid CDC-ACM printer file for 0483:5740, named `printer-0483-5740.toml`, without status.
    static var cdcPrinter: String {
        usblpPrinter.replacingOccurrences(of: "\"0416\"", with: "\"0483\"")
            .replacingOccurrences(of: "\"5011\"", with: "\"5740\"")
            .replacingOccurrences(of: "interface_class = 7", with: "interface_class = 2\n\n[serial]\nbaud = 9600")
            .replacingOccurrences(of: "\"usb.interface_class\"]", with: "\"usb.interface_class\", \"serial.baud\"]")
            .replacingOccurrences(of: "status = \"dle-eot\"", with: "status = \"none\"")
    }

    /// Parses `text` as `name`, returning the error it throws (or `nil` when it parses).
    static func error(parsing text: String, as name: String = "reader-0400-c35a.toml") -> DeviceCatalogError? {
        do {
            _ = try DeviceModel.parse(text, path: "devices/" + name)
            return nil
        } catch {
            return error
        }
    }

    /// A fresh temporary directory holding the given files; removed by the caller.
    static func directory(with files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("kioskd-devices-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
        }
        return path
    }
}
