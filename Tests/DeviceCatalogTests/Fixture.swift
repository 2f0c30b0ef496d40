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
