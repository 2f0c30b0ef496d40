// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Testing

struct BusFindingTests {
    private let catalog: DeviceCatalog

    init() throws {
        catalog = try DeviceCatalog.load(directory: Fixture.devicesDirectory)
    }

    @Test func describedReaderIsTakenWithItsConnectionAndUnconfirmedFacts() {
        let device = BusDevice(
            usbID: USBDeviceID(vendorID: 0x0400, productID: 0xc35a), location: "1-1.2", interfaceClasses: [0xff])
        let finding = catalog.assess(device)
        #expect(finding.isTaken)
        #expect(finding.reason == .described)
        #expect(finding.message == "USB device taken")
        #expect(
            finding.metadata == [
                "usb.device.vid": "0400", "usb.device.pid": "c35a", "usb.device.location": "1-1.2",
                "usb.device.interface_classes": "ff", "device.decision": "taken", "device.reason": "described",
                "device.file": "reader-0400-c35a.toml", "device.kind": "reader",
                "device.model": "精伦 (Sunrise) iDR200 (SAM USB module, also in other brands' readers)",
                "device.connection": "libusb interface 0, bulk split: OUT 0x02/0x06, IN 0x81/0x85",
                "device.unconfirmed": "usb.interface",
            ])
        #expect(finding.description.hasPrefix("0400:c35a at 1-1.2 taken as reader 精伦 (Sunrise) iDR200"))
        #expect(finding.description.hasSuffix("; unconfirmed: usb.interface"))
    }

    @Test func serialBridgeIsTakenThroughItsTTY() {
        let finding = catalog.assess(
            BusDevice(usbID: USBDeviceID(vendorID: 0x1a86, productID: 0x7523), location: "1-3"))
        #expect(finding.reason == .describedSerial)
        #expect(finding.metadata["device.connection"] == "tty 115200 8N1 as /dev/kioskd/reader-1a86-7523-*")
    }

    @Test func unknownVendorSpecificDeviceTellsTheTechnicianWhatToAdd() {
        let device = BusDevice(
            usbID: USBDeviceID(vendorID: 0x1234, productID: 0xabcd), location: "1-4", interfaceClasses: [0x03, 0xff])
        let finding = catalog.assess(device)
        #expect(!finding.isTaken)
        #expect(finding.reason == .unknownVendorSpecific)
        #expect(finding.message == "USB device not taken")
        #expect(finding.metadata["device.reason"] == "unknown-vendor-specific")
        #expect(finding.metadata["usb.device.interface_classes"] == "03,ff")
        #expect(finding.metadata["device.file"] == nil)
        #expect(finding.description.contains("describe it in devices/reader-1234-abcd.toml"))
    }

    @Test func otherUnknownDevicesAreNotTaken() {
        let finding = catalog.assess(
            BusDevice(
                usbID: USBDeviceID(vendorID: 0x046d, productID: 0xc52b), location: "1-5", interfaceClasses: [0x03]))
        #expect(finding.reason == .unknown)
        #expect(finding.description == "046d:c52b at 1-5 not taken: no device file describes it")
    }

    @Test func metadataKeysAreTheDeclaredLogKeys() {
        let finding = catalog.assess(
            BusDevice(
                usbID: USBDeviceID(vendorID: 0x0400, productID: 0xc35a), location: "1-1", interfaceClasses: [0xff]))
        let declared = Set(LogKey.allCases.map(\.rawValue))
        #expect(Set(finding.metadata.keys).isSubset(of: declared))
        #expect(finding.metadata.count == declared.count)
    }
}
