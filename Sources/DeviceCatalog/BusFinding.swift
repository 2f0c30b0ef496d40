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
/// USB device taken usb.device.vid=0fe6 usb.device.pid=811e usb.device.location=1-2 usb.device.interface_classes=07
///   device.decision=taken device.reason=described-shared
///   device.file=printer-0fe6-811e-58mm.toml,printer-0fe6-811e-80mm.toml device.kind=printer
///   device.model=one of: Xprinter (芯烨) and clones XP-58 class …; … XP-80 class …
///   device.connection=usblp as /dev/kioskd/printer-0fe6-811e device.unconfirmed=vendor,model,…
/// ```
///
/// ``description`` is the same as one plain sentence, for `kioskd` subcommands and tests.
public struct BusFinding: Hashable, Sendable, CustomStringConvertible {
    /// Why a device was or was not taken.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        /// The reason's name in the log, e.g. `described`.
        public let name: String
        /// Whether kioskd takes a device for this reason.
        public let isTaken: Bool

        private init(_ name: String, taken: Bool) {
            self.name = name
            self.isTaken = taken
        }

        /// A device file describes it as a libusb device: taken.
        public static let described = Reason("described", taken: true)
        /// A device file describes it as a USB-serial bridge or CDC-ACM: taken through its tty, not through libusb.
        public static let describedSerial = Reason("described-serial", taken: true)
        /// A device file describes it as a USB printer-class printer: taken through the kernel's usblp driver.
        public static let describedUsblp = Reason("described-usblp", taken: true)
        /// Several device files describe its id (`shared_id`) and its interfaces fit more than one: taken, as one
        /// of them; the technician's configuration says which.
        public static let describedShared = Reason("described-shared", taken: true)
        /// Its id is described, but it has no interface of the class the file names (e.g. a printer switched to
        /// another USB mode): not taken.
        public static let interfaceMismatch = Reason("interface-mismatch", taken: false)
        /// No file describes it, and it has a vendor-specific interface: perhaps a reader of an unknown brand.
        public static let unknownVendorSpecific = Reason("unknown-vendor-specific", taken: false)
        /// No file describes it, and it has a USB printer-class interface: perhaps a printer of an unknown brand.
        public static let unknownPrinter = Reason("unknown-printer", taken: false)
        /// No file describes it (a keyboard, a hub, a touchscreen…).
        public static let unknown = Reason("unknown", taken: false)

        /// The reason's name.
        public var description: String { name }
    }

    /// The device seen.
    public var device: BusDevice
    /// The models that describe it, in file-name order: the one it is taken as, the candidates of a shared id,
    /// or those whose interface class it lacks (``Reason/interfaceMismatch``); empty when none does.
    public var models: [DeviceModel]
    /// Why it was or was not taken.
    public var reason: Reason

    /// Creates a finding; ``DeviceCatalog/assess(_:)`` makes them.
    ///
    /// - Parameters:
    ///   - device: The device seen.
    ///   - models: The models that describe it.
    ///   - reason: Why it was or was not taken.
    public init(device: BusDevice, models: [DeviceModel], reason: Reason) {
        self.device = device
        self.models = models
        self.reason = reason
    }

    /// The model the device is taken as, when it is taken and exactly one fits.
    public var model: DeviceModel? { isTaken && models.count == 1 ? models[0] : nil }

    /// Whether kioskd uses the device.
    public var isTaken: Bool { reason.isTaken }

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
        if !models.isEmpty {
            values[.file] = models.map(\.fileName).joined(separator: ",")
            values[.kind] = Set(models.map(\.kind.rawValue)).sorted().joined(separator: ",")
            let names = models.map { "\($0.vendor) \($0.model)" }
            values[.model] = names.count == 1 ? names[0] : "one of: " + names.joined(separator: "; ")
            values[.connection] = BusFinding.connections(models)
            let unconfirmed = BusFinding.unconfirmed(models)
            if !unconfirmed.isEmpty { values[.unconfirmed] = unconfirmed.joined(separator: ",") }
        }
        return Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }

    /// One sentence: what was found, where, and what kioskd does with it (or what the technician can do).
    public var description: String {
        let seen = "\(device.usbID) at \(device.location)"
        let ids = "\(device.usbID.vendorHex)-\(device.usbID.productHex)"
        if models.isEmpty {
            switch reason {
            case .unknownPrinter:
                return "\(seen) not taken: no device file describes it, but it has a USB printer-class interface; "
                    + "if it is a receipt printer, describe it in devices/printer-\(ids).toml (see devices/README.md)"
            case .unknownVendorSpecific:
                return "\(seen) not taken: no device file describes it, but it has a vendor-specific interface; "
                    + "if it is an ID-card reader, describe it in devices/reader-\(ids).toml (see devices/README.md)"
            default:
                return "\(seen) not taken: no device file describes it"
            }
        }
        let files = models.map { "\($0.vendor) \($0.model) (\($0.fileName))" }
        if reason == .interfaceMismatch {
            let expected = Set(models.compactMap(\.interfaceClass)).sorted().map(BusFinding.hex)
                .joined(separator: " or ")
            let found = device.interfaceClasses.map(BusFinding.hex).joined(separator: ",")
            return "\(seen) not taken: described by \(files.joined(separator: ", ")), which expects an interface of "
                + "class \(expected), but it has \(found); is it set to another USB mode?"
        }
        let kinds = Set(models.map(\.kind.rawValue)).sorted().joined(separator: " or ")
        let what = files.count == 1 ? files[0] : "one of: " + files.joined(separator: ", ")
        var text = "\(seen) taken as \(kinds) \(what): " + BusFinding.connections(models)
        let printers = models.compactMap(\.printer)
        if !printers.isEmpty, Set(printers).count == 1 {
            text += "; " + printers[0].summary
        }
        let unconfirmed = BusFinding.unconfirmed(models)
        if !unconfirmed.isEmpty {
            text += "; unconfirmed: " + unconfirmed.joined(separator: ", ")
        }
        return text
    }

    /// The connections of the models, each once, joined with ` | `.
    private static func connections(_ models: [DeviceModel]) -> String {
        var seen: [String] = []
        for text in models.map(connection) where !seen.contains(text) {
            seen.append(text)
        }
        return seen.joined(separator: " | ")
    }

    /// The facts some model leaves unconfirmed, each once, in schema order.
    private static func unconfirmed(_ models: [DeviceModel]) -> [String] {
        DeviceModel.factKeys.filter { key in models.contains { $0.unconfirmedFacts.contains(key) } }
    }

    /// `libusb interface 0, split: …`, `tty 115200 8N1 as /dev/kioskd/reader-1a86-7523-*` or
    /// `usblp as /dev/kioskd/printer-0416-5011`.
    private static func connection(_ model: DeviceModel) -> String {
        switch model.connection {
        case let .usb(interface):
            let number = interface.interfaceNumber.map { "interface \($0)" } ?? "first vendor-specific interface"
            return "libusb \(number), \(interface.transfer.rawValue) \(interface.scheme.summary)"
        case let .serial(settings):
            return "tty \(settings.summary) as \(settings.devicePattern)"
        case let .usblp(symlink):
            return "usblp as /dev/\(symlink)"
        }
    }

    /// `ff`.
    private static func hex(_ value: UInt8) -> String {
        let digits = String(value, radix: 16)
        return (digits.count < 2 ? "0" : "") + digits
    }
}
