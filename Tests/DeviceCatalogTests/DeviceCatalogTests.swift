// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation
import Testing

struct DeviceCatalogTests {
    @Test func loadsEveryCommittedDeviceFile() throws {
        let catalog = try DeviceCatalog.load(directory: Fixture.devicesDirectory)
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.devicesDirectory)
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(catalog.models.map(\.fileName) == files)
        #expect(files.count >= 11)
        for model in catalog.models {
            #expect(!model.sources.isEmpty, "\(model.fileName) has no sources")
            #expect((model.kind == .printer) == (model.printer != nil), "\(model.fileName): [paper] and [escpos]")
            #expect(model.fileName.hasPrefix(model.kind.rawValue + "-"))
        }
    }

    @Test func samModuleHasTheSplitPipesFromTheNotes() throws {
        let catalog = try DeviceCatalog.load(directory: Fixture.devicesDirectory)
        let model = try #require(catalog.model(vendorID: 0x0400, productID: 0xc35a))
        #expect(model.protocolVariant == "ga467-sam")
        guard case let .usb(interface) = model.connection else {
            Issue.record("0400:c35a should be a libusb device")
            return
        }
        #expect(interface.interfaceNumber == 0)
        #expect(interface.scheme == .split(outHeader: 0x02, outBody: 0x06, inHeader: 0x81, inBody: 0x85))
        #expect(interface.speed == .full)
        #expect(model.unconfirmedFacts == ["usb.interface"])
        #expect(model.isConfirmed("usb.endpoints"))
    }

    @Test func bridgedReadersAreSerialAndSayTheyAreUnconfirmed() throws {
        let catalog = try DeviceCatalog.load(directory: Fixture.devicesDirectory)
        for id in ["1a86:7523", "10c4:ea60", "067b:2303"] {
            let usbID = try #require(USBDeviceID(id))
            let model = try #require(catalog.model(for: usbID), "no file for \(id)")
            guard case let .serial(settings) = model.connection else {
                Issue.record("\(id) should be a serial reader")
                continue
            }
            #expect(settings.summary == "115200 8N1")
            #expect(settings.symlink == "kioskd/\(model.name)-%n")
            #expect(model.unconfirmedFacts.contains("model"), "\(id): the bridged reader model must be unconfirmed")
        }
        let synjones = try #require(catalog.model(vendorID: 0x0316, productID: 0x5020))
        #expect(synjones.unconfirmedFacts.contains("model"))
    }

    @Test func looksUpOnlyDescribedIDs() throws {
        let catalog = try DeviceCatalog.load(directory: Fixture.devicesDirectory)
        #expect(catalog.model(vendorID: 0x0400, productID: 0xc35b) == nil)
        #expect(catalog.models(of: .printer).count == 6)
        #expect(catalog.models(of: .reader).count == 5)
    }

    /// The usblp printer fixture declaring its id shared.
    private static let sharedPrinter = Fixture.usblpPrinter
        .replacingOccurrences(of: "interface_class = 7", with: "interface_class = 7\nshared_id = true")
        .replacingOccurrences(of: "\"usb.interface_class\"]", with: "\"usb.interface_class\", \"usb.shared_id\"]")

    @Test func refusesTheSameUSBIDInTwoFiles() throws {
        let directory = try Fixture.directory(with: [
            "printer-0416-5011.toml": Fixture.usblpPrinter, "printer-0416-5011-58mm.toml": Self.sharedPrinter,
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            try DeviceCatalog.load(directory: directory)
        } throws: { error in
            let error = try #require(error as? DeviceCatalogError)
            return error.code == .duplicate && error.file.hasSuffix("printer-0416-5011.toml")
                && error.message.contains("0416:5011 is already described by printer-0416-5011-58mm.toml")
                && error.message.contains("(printer-0416-5011.toml does not)")
        }
    }

    @Test func filesThatAllDeclareASharedIDCanShareIt() throws {
        let eighty = Self.sharedPrinter.replacingOccurrences(
            of: "width_mm = 58\ndots_per_line = 384\nfont_a_columns = 32",
            with: "width_mm = 80\ndots_per_line = 576\nfont_a_columns = 48")
        let directory = try Fixture.directory(with: [
            "printer-0416-5011-58mm.toml": Self.sharedPrinter, "printer-0416-5011-80mm.toml": eighty,
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = try DeviceCatalog.load(directory: directory)
        let id = USBDeviceID(vendorID: 0x0416, productID: 0x5011)
        #expect(catalog.models(for: id).map(\.name) == ["printer-0416-5011-58mm", "printer-0416-5011-80mm"])
        #expect(catalog.model(for: id) == nil)
    }

    @Test func refusesTwoSerialFilesWithOneSymlink() throws {
        let other = Fixture.serialReader
            .replacingOccurrences(of: "product_id = \"7523\"", with: "product_id = \"5523\"")
            .replacingOccurrences(of: "baud = 115200", with: "baud = 115200\nsymlink = \"kioskd/reader-1a86-7523-%n\"")
        let models = [
            try DeviceModel.parse(Fixture.serialReader, path: "reader-1a86-7523.toml"),
            try DeviceModel.parse(other, path: "reader-1a86-5523.toml"),
        ]
        #expect(throws: DeviceCatalogError(code: .duplicate, file: "", message: "")) {
            try DeviceCatalog(models: models)
        }
    }

    @Test func reportsAMissingOrEmptyDirectory() throws {
        #expect {
            try DeviceCatalog.load(directory: "/nonexistent/devices")
        } throws: { error in
            let error = try #require(error as? DeviceCatalogError)
            return error.code == .unreadable && error.description.hasPrefix("/nonexistent/devices: no such directory")
        }
        let empty = try Fixture.directory(with: ["README.md": "# devices\n"])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: DeviceCatalogError(code: .noDevices, file: "", message: "")) {
            try DeviceCatalog.load(directory: empty)
        }
    }

    @Test func namesTheFileOfAMalformedModel() throws {
        let broken = Fixture.splitReader.replacingOccurrences(of: "\"c35a\"", with: "\"c35\"")
        let directory = try Fixture.directory(with: ["reader-0400-c35a.toml": broken])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            try DeviceCatalog.load(directory: directory)
        } throws: { error in
            "\(error)".hasPrefix(directory + "/reader-0400-c35a.toml:8: usb.product_id: expected a 16-bit USB id")
        }
    }
}
