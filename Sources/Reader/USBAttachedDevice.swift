// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import DeviceCatalog

/// A USB device on the bus, as libusb lists it: where it is (bus number and address) and what it is.
public struct USBAttachedDevice: Sendable, Hashable, CustomStringConvertible {
    /// The bus number.
    public var bus: UInt8
    /// The device address on that bus; a device gets a new one each time it is plugged in.
    public var address: UInt8
    /// The vendor:product id.
    public var usbID: USBDeviceID
    /// The class codes of the active configuration's interfaces.
    public var interfaceClasses: [UInt8]

    /// Creates a listing entry.
    /// - Parameters:
    ///   - bus: The bus number.
    ///   - address: The device address.
    ///   - usbID: The vendor:product id.
    ///   - interfaceClasses: The interfaces' class codes.
    public init(bus: UInt8, address: UInt8, usbID: USBDeviceID, interfaceClasses: [UInt8] = []) {
        self.bus = bus
        self.address = address
        self.usbID = usbID
        self.interfaceClasses = interfaceClasses
    }

    /// `bus 1 address 7`.
    public var location: String { "bus \(bus) address \(address)" }

    /// The sighting the catalog judges (``DeviceCatalog/assess(_:)``).
    public var busDevice: BusDevice { BusDevice(usbID: usbID, location: location, interfaceClasses: interfaceClasses) }

    /// `usb 0400:c35a bus 1 address 7`: the transport's name in logs.
    public var description: String { "usb \(usbID) \(location)" }
}
