// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A USB vendor:product id pair, written `0400:c35a` as `lsusb` shows it.
public struct USBDeviceID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The vendor id (`idVendor`).
    public var vendorID: UInt16
    /// The product id (`idProduct`).
    public var productID: UInt16

    /// Creates an id from its two halves.
    ///
    /// - Parameters:
    ///   - vendorID: The vendor id, e.g. `0x0400`.
    ///   - productID: The product id, e.g. `0xc35a`.
    public init(vendorID: UInt16, productID: UInt16) {
        self.vendorID = vendorID
        self.productID = productID
    }

    /// Parses `vvvv:pppp` (hex, either case, as `lsusb` prints it); `nil` when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let vendor = USBDeviceID.hex16(parts[0]), let product = USBDeviceID.hex16(parts[1])
        else { return nil }
        self.init(vendorID: vendor, productID: product)
    }

    /// The vendor id as udev and sysfs write it: 4 lower-case hex digits, e.g. `0400`.
    public var vendorHex: String { USBDeviceID.hex(vendorID) }

    /// The product id as udev and sysfs write it: 4 lower-case hex digits, e.g. `c35a`.
    public var productHex: String { USBDeviceID.hex(productID) }

    /// `0400:c35a`.
    public var description: String { vendorHex + ":" + productHex }

    /// Orders by vendor id, then product id.
    public static func < (lhs: USBDeviceID, rhs: USBDeviceID) -> Bool {
        (lhs.vendorID, lhs.productID) < (rhs.vendorID, rhs.productID)
    }

    /// 4 lower-case hex digits, zero-padded.
    static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Exactly 4 hex digits, optionally after `0x`.
    static func hex16(_ text: Substring) -> UInt16? {
        var digits = text
        if digits.lowercased().hasPrefix("0x") { digits = digits.dropFirst(2) }
        guard digits.count == 4, digits.allSatisfy(\.isHexDigit) else { return nil }
        return UInt16(digits, radix: 16)
    }
}
