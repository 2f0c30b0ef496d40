// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Testing

struct USBDeviceIDTests {
    @Test func parsesAndPrintsLikeLsusb() {
        #expect(USBDeviceID("0400:C35A") == USBDeviceID(vendorID: 0x0400, productID: 0xc35a))
        #expect(USBDeviceID("0x0316:0x5020")?.description == "0316:5020")
        #expect(USBDeviceID(vendorID: 0x67b, productID: 0x2303).vendorHex == "067b")
    }

    @Test func refusesMalformedIDs() {
        for text in ["0400", "400:c35a", "0400:c35a:1", "04g0:c35a", "", ":"] {
            #expect(USBDeviceID(text) == nil, "\(text)")
        }
    }

    @Test func ordersByVendorThenProduct() {
        let ids = ["1a86:7523", "0400:c35a", "0400:0001"].compactMap { USBDeviceID($0) }
        #expect(ids.sorted().map(\.description) == ["0400:0001", "0400:c35a", "1a86:7523"])
    }
}
