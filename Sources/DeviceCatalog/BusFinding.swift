// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What kioskd concluded about one device on the bus, and why: the line a technician reads in the log.
///
/// The log message is constant (``message``); everything else is in ``metadata`` under ``LogKey`` keys:
///
/// ```
/// USB device taken usb.device.vid=0400 usb.device.pid=c35a usb.device.location=1-1.2 device.decision=taken
///   device.reason=described device.file=reader-0400-c35a.toml device.kind=reader
///   device.model=精伦 (Sunrise) iDR200 device.connection=libusb split: OUT 0x02/0x06, IN 0x81/0x85
///   device.unconfirmed=usb.interface
/// USB device not taken usb.device.vid=1234 usb.device.pid=abcd usb.device.location=1-1.3
///   usb.device.interface_classes=ff device.decision=not taken device.reason=unknown-vendor-specific
/// ```
///
/// ``description`` is the same as one plain sentence, for `kioskd` subcommands and tests.
public struct BusFinding: Hashable, Sendable, CustomStringConvertible {
    /// Why a device was or was not taken.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        /// The reason's name in the log, e.g. `described`.
        public let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// A device file describes it as a libusb device: taken.
        public static let described = Reason("described")
        /// A device file describes it as a USB-serial bridge: taken through its tty, not through libusb.
        public static let describedSerial = Reason("described-serial")
        /// No file describes it, and it has a vendor-specific interface: perhaps a reader of an unknown brand.
        public static let unknownVendorSpecific = Reason("unknown-vendor-specific")
        /// No file describes it (a keyboard, a hub, a touchscreen…).
        public static let unknown = Reason("unknown")

        /// The reason's name.
        public var description: String { name }
    }

    /// The device seen.
    public var device: BusDevice
    /// The model that describes it, if any.
    public var model: DeviceModel?
    /// Why it was or was not taken.
    public var reason: Reason

    /// Creates a finding; ``DeviceCatalog/assess(_:)`` makes them.
    ///
    /// - Parameters:
    ///   - device: The device seen.
    ///   - model: The model that describes it, if any.
    ///   - reason: Why it was or was not taken.
    public init(device: BusDevice, model: DeviceModel?, reason: Reason) {
        self.device = device
        self.model = model
        self.reason = reason
    }

    /// Whether kioskd uses the device.
    public var isTaken: Bool { model != nil }

    /// The constant log message: `USB device taken` or `USB device not taken`.
    public var message: String { isTaken ? "USB device taken" : "USB device not taken" }

    /// The log metadata, keyed by ``LogKey`` raw values; absent facts are left out.
    public var metadata: [String: String] {
        var values: [LogKey: String] = [
            .usbVendorID: device.usbID.vendorHex,
            .usbProductID: device.usbID.productHex,
            .usbLocation: device.location,
            .decision: isTaken ? "taken" : "not taken",
            .reason: reason.name,
        ]
        if !device.interfaceClasses.isEmpty {
            values[.usbInterfaceClasses] = device.interfaceClasses.map(BusFinding.hex).joined(separator: ",")
        }
        if let model {
            values[.file] = model.fileName
            values[.kind] = model.kind.rawValue
            values[.model] = "\(model.vendor) \(model.model)"
            values[.connection] = BusFinding.connection(model)
            if !model.unconfirmedFacts.isEmpty { values[.unconfirmed] = model.unconfirmedFacts.joined(separator: ",") }
        }
        return Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }

    /// One sentence: what was found, where, and what kioskd does with it (or what the technician can do).
    public var description: String {
        let seen = "\(device.usbID) at \(device.location)"
        guard let model else {
            let file = "devices/reader-\(device.usbID.vendorHex)-\(device.usbID.productHex).toml"
            if reason == .unknownVendorSpecific {
                return "\(seen) not taken: no device file describes it, but it has a vendor-specific interface; "
                    + "if it is an ID-card reader, describe it in \(file) (see devices/README.md)"
            }
            return "\(seen) not taken: no device file describes it"
        }
        var text =
            "\(seen) taken as \(model.kind) \(model.vendor) \(model.model) (\(model.fileName)): "
            + BusFinding.connection(model)
        if !model.unconfirmedFacts.isEmpty {
            text += "; unconfirmed: " + model.unconfirmedFacts.joined(separator: ", ")
        }
        return text
    }

    /// `libusb interface 0, split: …` or `tty 115200 8N1 as /dev/kioskd/reader-1a86-7523-*`.
    private static func connection(_ model: DeviceModel) -> String {
        switch model.connection {
        case let .usb(interface):
            let number = interface.interfaceNumber.map { "interface \($0)" } ?? "first vendor-specific interface"
            return "libusb \(number), \(interface.transfer.rawValue) \(interface.scheme.summary)"
        case let .serial(settings):
            return "tty \(settings.summary) as \(settings.devicePattern)"
        }
    }

    /// `ff`.
    private static func hex(_ value: UInt8) -> String {
        let digits = String(value, radix: 16)
        return (digits.count < 2 ? "0" : "") + digits
    }
}
