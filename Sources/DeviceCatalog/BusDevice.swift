// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A USB device a transport saw on the bus, as far as the catalog needs to judge it (no I/O here).
public struct BusDevice: Hashable, Sendable {
    /// The device's vendor:product id.
    public var usbID: USBDeviceID
    /// Where it is plugged in, as the transport names it: a sysfs port path such as `1-1.2`,
    /// `bus 1 address 7`, or a tty such as `/dev/ttyUSB0`.
    public var location: String
    /// The class codes of its interfaces (e.g. `0xff` vendor-specific, `0x07` printer, `0x03` HID), when known.
    public var interfaceClasses: [UInt8]

    /// Creates a sighting.
    ///
    /// - Parameters:
    ///   - usbID: The device's vendor:product id.
    ///   - location: Where it is plugged in.
    ///   - interfaceClasses: The class codes of its interfaces, when known.
    public init(usbID: USBDeviceID, location: String, interfaceClasses: [UInt8] = []) {
        self.usbID = usbID
        self.location = location
        self.interfaceClasses = interfaceClasses
    }
}
