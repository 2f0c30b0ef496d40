// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The emulated reader's USB identity: ids, the sysfs `descriptors` blob libusb reads, and where the
/// answers go. Two readers of devices/: the SAM USB module 0400:c35a (split, bulk, as the device file and
/// openiDR200 describe it) and the 0316:5020 reader (single, interrupt endpoints, which its file allows with
/// `transfer = "any"`).
struct USBDescriptorSet {
    /// `split` or `single`.
    let scheme: String
    /// `idVendor`, `idProduct`.
    let vendorID: UInt16
    let productID: UInt16
    /// The IN endpoint for frame headers (split) or whole answers (single).
    let inHeader: UInt8
    /// The IN endpoint for frame bodies; the same as ``inHeader`` for single.
    let inBody: UInt8
    /// Device, configuration, interface and endpoint descriptors, as sysfs `descriptors` holds them.
    let descriptors: [UInt8]

    /// The set for a scheme name, or nil.
    init?(scheme: String) {
        self.scheme = scheme
        switch scheme {
        case "split":
            (vendorID, productID, inHeader, inBody) = (0x0400, 0xC35A, 0x81, 0x85)
            // Bulk endpoints OUT 0x02, OUT 0x06, IN 0x81, IN 0x85, 64 bytes (full speed).
            descriptors = Self.device(vendorID, productID, endpoints: [(0x02, 2), (0x06, 2), (0x81, 2), (0x85, 2)])
        case "single":
            (vendorID, productID, inHeader, inBody) = (0x0316, 0x5020, 0x82, 0x82)
            // Interrupt endpoints OUT 0x01, IN 0x82, 64 bytes, interval 1 ms.
            descriptors = Self.device(vendorID, productID, endpoints: [(0x01, 3), (0x82, 3)])
        default:
            return nil
        }
    }

    /// `0400`.
    var vendorHex: String { Self.hex(vendorID) }
    /// `c35a`.
    var productHex: String { Self.hex(productID) }

    /// A full-speed device with one configuration and one vendor-specific interface (class 0xff).
    private static func device(_ vendor: UInt16, _ product: UInt16, endpoints: [(UInt8, UInt8)]) -> [UInt8] {
        let device: [UInt8] = [
            18, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 64, UInt8(vendor & 0xFF), UInt8(vendor >> 8),
            UInt8(product & 0xFF), UInt8(product >> 8), 0x00, 0x01, 0, 0, 0, 1,
        ]
        let total = 9 + 9 + 7 * endpoints.count
        let configuration: [UInt8] = [9, 0x02, UInt8(total), 0, 1, 1, 0, 0xC0, 50]
        let interface: [UInt8] = [9, 0x04, 0, 0, UInt8(endpoints.count), 0xFF, 0, 0, 0]
        let endpointBytes = endpoints.flatMap { address, kind -> [UInt8] in
            [7, 0x05, address, kind, 64, 0, kind == 3 ? 1 : 0]
        }
        return device + configuration + interface + endpointBytes
    }

    private static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
