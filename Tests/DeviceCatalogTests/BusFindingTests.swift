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

    @Test func usblpPrinterIsTakenWithItsProfile() {
        let finding = catalog.assess(
            BusDevice(
                usbID: USBDeviceID(vendorID: 0x0416, productID: 0x5011), location: "1-2", interfaceClasses: [0x07]))
        #expect(finding.isTaken)
        #expect(finding.reason == .describedUsblp)
        #expect(finding.model?.fileName == "printer-0416-5011.toml")
        #expect(finding.metadata["device.kind"] == "printer")
        #expect(finding.metadata["device.connection"] == "usblp as /dev/kioskd/printer-0416-5011")
        #expect(
            finding.description.hasPrefix(
                "0416:5011 at 1-2 taken as printer unknown (Winbond vendor id, no-name boards) POS58 58 mm receipt "
                    + "printer (printer-0416-5011.toml): usblp as /dev/kioskd/printer-0416-5011; 58 mm, 384 dots, "
                    + "32 columns, Chinese font gb18030, QR raster, cut none, status dle-eot; unconfirmed: "))
    }

    @Test func sharedIDIsTakenAsOneOfItsModels() {
        let finding = catalog.assess(
            BusDevice(
                usbID: USBDeviceID(vendorID: 0x0fe6, productID: 0x811e), location: "1-2", interfaceClasses: [0x07]))
        #expect(finding.isTaken)
        #expect(finding.reason == .describedShared)
        #expect(finding.model == nil)
        #expect(finding.models.map(\.fileName) == ["printer-0fe6-811e-58mm.toml", "printer-0fe6-811e-80mm.toml"])
        #expect(finding.metadata["device.file"] == "printer-0fe6-811e-58mm.toml,printer-0fe6-811e-80mm.toml")
        #expect(
            finding.metadata["device.model"]
                == "one of: Xprinter (芯烨) and clones XP-58 class 58 mm receipt printer; "
                + "Xprinter (芯烨) and clones XP-80 class 80 mm receipt printer")
        #expect(
            finding.description.hasPrefix(
                "0fe6:811e at 1-2 taken as printer one of: Xprinter (芯烨) and clones XP-58 class 58 mm receipt printer "
                    + "(printer-0fe6-811e-58mm.toml), Xprinter (芯烨) and clones XP-80 class 80 mm receipt printer "
                    + "(printer-0fe6-811e-80mm.toml): usblp as /dev/kioskd/printer-0fe6-811e; unconfirmed: "))
    }

    @Test func describedPrinterInAnotherUSBModeIsNotTaken() {
        let finding = catalog.assess(
            BusDevice(
                usbID: USBDeviceID(vendorID: 0x0416, productID: 0x5011), location: "1-2", interfaceClasses: [0x02, 0x0a]))
        #expect(!finding.isTaken)
        #expect(finding.reason == .interfaceMismatch)
        #expect(finding.metadata["device.decision"] == "not taken")
        #expect(finding.metadata["device.file"] == "printer-0416-5011.toml")
        #expect(
            finding.description.hasSuffix(
                "which expects an interface of class 07, but it has 02,0a; is it set to another USB mode?"))
    }

    @Test func unknownPrinterClassDeviceTellsTheTechnicianWhatToAdd() {
        let finding = catalog.assess(
            BusDevice(
                usbID: USBDeviceID(vendorID: 0x1fc9, productID: 0x2016), location: "1-6", interfaceClasses: [0x07, 0xff]))
        #expect(!finding.isTaken)
        #expect(finding.reason == .unknownPrinter)
        #expect(finding.description.contains("describe it in devices/printer-1fc9-2016.toml"))
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
