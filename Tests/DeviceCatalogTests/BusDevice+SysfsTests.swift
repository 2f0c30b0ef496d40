// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation
import Testing

struct BusDeviceSysfsTests {
    /// A fake `/sys/bus/usb/devices`: a root hub, a SAM reader with a vendor-specific interface, a keyboard.
    private func fakeSysfs() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-sysfs-\(UUID().uuidString)").path

        let files: [(String, String, String)] = [
            ("usb1", "idVendor", "1d6b\n"), ("usb1", "idProduct", "0002\n"),
            ("1-1.2", "idVendor", "0400\n"), ("1-1.2", "idProduct", "c35a\n"),
            ("1-1.2:1.0", "bInterfaceClass", "ff\n"),
            ("1-1.3", "idVendor", "046d\n"), ("1-1.3", "idProduct", "c31c\n"),
            ("1-1.3:1.0", "bInterfaceClass", "03\n"), ("1-1.3:1.1", "bInterfaceClass", "03\n"),
        ]
        for (folder, name, value) in files {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
            try value.write(toFile: "\(root)/\(folder)/\(name)", atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func listsDevicesWithTheirInterfaceClassesAndSkipsRootHubs() throws {
        let devices = BusDevice.scanSysfs(root: try fakeSysfs())
        #expect(devices.map(\.location) == ["1-1.2", "1-1.3"])
        #expect(devices.first?.usbID == USBDeviceID(vendorID: 0x0400, productID: 0xc35a))
        #expect(devices.first?.interfaceClasses == [0xff])
        #expect(devices.last?.interfaceClasses == [0x03])
    }

    @Test func aMissingTreeIsAnEmptyBus() {
        #expect(BusDevice.scanSysfs(root: "/nonexistent/kioskd/sysfs").isEmpty)
    }

    @Test func theCommittedCatalogTakesTheSAMReaderAndExplainsTheKeyboard() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../devices")
        let catalog = try DeviceCatalog.load(directory: repository.standardized.path)
        let findings = BusDevice.scanSysfs(root: try fakeSysfs()).map(catalog.assess)
        #expect(findings.map(\.isTaken) == [true, false])
        #expect(findings.first?.description.contains("reader-0400-c35a.toml") == true)
        #expect(findings.last?.reason == .unknown)
    }
}
