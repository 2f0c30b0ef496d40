// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation
import Testing

struct PrinterQueueTests {
    private let catalog: DeviceCatalog

    init() throws {
        catalog = try DeviceCatalog.load(directory: Fixture.devicesDirectory)
    }

    private func printer(_ id: String) throws -> DeviceModel {
        let usbID = try #require(USBDeviceID(id))
        return try #require(catalog.models(for: usbID).first, "no printer file for \(id)")
    }

    @Test func statusReportingPrintersGoThroughKioskdsBackendOnTheirUdevName() throws {
        #expect(
            try printer("0416:5011").cupsBackend()
                == .kioskd(deviceURI: "kioskd:/dev/kioskd/printer-0416-5011?status=dle-eot"))
        #expect(
            try printer("0fe6:811e").cupsBackend()
                == .kioskd(deviceURI: "kioskd:/dev/kioskd/printer-0fe6-811e?status=dle-eot"))
    }

    @Test func ttyPrintersGoThroughKioskdsBackendWithTheirLineSpeed() throws {
        #expect(
            try printer("0483:5740").cupsBackend()
                == .kioskd(deviceURI: "kioskd:/dev/kioskd/printer-0483-5740?status=none&baud=115200"))
    }

    @Test func printersWithoutANodeOrStatusGoThroughTheStockUSBBackend() throws {
        #expect(try printer("04b8:0202").cupsBackend() == .stockUSB, "vendor-class: no device node")
        let silent = try DeviceModel.parse(
            Fixture.usblpPrinter.replacingOccurrences(of: "status = \"dle-eot\"", with: "status = \"none\""),
            path: "printer-0416-5011.toml")
        #expect(silent.cupsBackend() == .stockUSB)
        #expect(
            silent.cupsBackend(devicePath: "/tmp/lp0") == .kioskd(deviceURI: "kioskd:/tmp/lp0?status=none"),
            "a node the technician names is printed to through kioskd's backend")
    }

    @Test func readersHaveNoBackend() throws {
        #expect(try #require(catalog.model(vendorID: 0x0400, productID: 0xc35a)).cupsBackend() == nil)
    }

    @Test func lpadminCreatesARawEnabledQueueThatRetriesTheCurrentJob() {
        let queue = PrinterQueue(deviceURI: "kioskd:/dev/kioskd/printer-0416-5011?status=dle-eot", info: "Test POS58")
        #expect(queue.name == "kioskd-receipt")
        #expect(
            queue.lpadminArguments == [
                [
                    "-p", "kioskd-receipt", "-E", "-v", "kioskd:/dev/kioskd/printer-0416-5011?status=dle-eot",
                    "-m", "raw", "-D", "Test POS58", "-o", "printer-error-policy=retry-current-job",
                ]
            ])
        let asDefault = PrinterQueue(name: "front", deviceURI: "usb://X/Y", info: "", isDefault: true)
        #expect(asDefault.lpadminArguments.last == ["-d", "front"])
        #expect(asDefault.lpadminArguments.first?.firstIndex(of: "-E") == 2, "-E after -p enables; before, it encrypts")
    }

    @Test func queueNamesAreCheckedLikeLpadminDoes() {
        #expect(PrinterQueue.isValidName("kioskd-receipt"))
        #expect(PrinterQueue.isValidName("Receipt_2"))
        for bad in ["", "two words", "a/b", "a#b", "票据", String(repeating: "x", count: 128)] {
            #expect(!PrinterQueue.isValidName(bad), "\(bad) should be refused")
        }
    }
}
