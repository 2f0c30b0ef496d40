// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// One supported device model, read from one `devices/*.toml` file.
///
/// - Configuration keys (see `devices/README.md` for the full schema):
///   - `kind` (string, required): `reader` or `printer`.
///   - `vendor`, `model` (strings, required): who makes it and what it is called.
///   - `protocol` (string, required): the protocol variant, e.g. `ga467-sam`.
///   - `notes` (string, optional): free text for the technician.
///   - `[usb]` (table, required): `vendor_id`, `product_id`, and for libusb devices `interface`, `scheme`,
///     `transfer`, `speed` and `[usb.endpoints]` (``USBInterfaceDescription``).
///   - `[serial]` (table, instead of the libusb keys): the tty settings (``SerialSettings``).
///   - `[[source]]` (array of tables, required): where each fact comes from (``FactSource``).
public struct DeviceModel: Hashable, Sendable {
    /// The device's role in the kiosk.
    public struct Kind: Hashable, Sendable, Comparable, CustomStringConvertible {
        /// The value as written in the file: `reader` or `printer`.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// A resident ID-card reader.
        public static let reader = Kind("reader")
        /// A receipt (ticket) printer. Its own keys (paper width, fonts) arrive with printing support.
        public static let printer = Kind("printer")

        /// Every kind, in the order `devices/README.md` lists them.
        public static let all: [Kind] = [.reader, .printer]

        /// The kind written as `value`, or `nil` when the file names no known kind.
        public init?(parsing value: String) {
            guard let kind = Kind.all.first(where: { $0.rawValue == value }) else { return nil }
            self = kind
        }

        /// `reader` or `printer`.
        public var description: String { rawValue }

        /// Orders by name.
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// How kioskd talks to the device.
    public enum Connection: Hashable, Sendable {
        /// Directly through libusb, on an interface's endpoints.
        case usb(USBInterfaceDescription)
        /// Through the kernel's tty driver (a USB-serial bridge), by its stable symlink.
        case serial(SerialSettings)
    }

    /// The file's name without `.toml`, e.g. `reader-0400-c35a`; unique in a catalog.
    public var name: String
    /// The device's role.
    public var kind: Kind
    /// Who makes it, e.g. `精伦 (Sunrise)`.
    public var vendor: String
    /// What it is called, e.g. `iDR200`.
    public var model: String
    /// The protocol variant spoken over the connection, e.g. `ga467-sam`.
    public var protocolVariant: String
    /// The USB vendor:product id the device shows on the bus.
    public var usbID: USBDeviceID
    /// libusb endpoints or tty settings.
    public var connection: Connection
    /// Where each fact comes from, in file order.
    public var sources: [FactSource]
    /// Free text for the technician, if any.
    public var notes: String?

    /// Creates a model; ``DeviceCatalog`` builds them from files.
    ///
    /// - Parameters:
    ///   - name: The file name without `.toml`.
    ///   - kind: The device's role.
    ///   - vendor: Who makes it.
    ///   - model: What it is called.
    ///   - protocolVariant: The protocol variant, e.g. `ga467-sam`.
    ///   - usbID: The USB vendor:product id.
    ///   - connection: libusb endpoints or tty settings.
    ///   - sources: Where each fact comes from.
    ///   - notes: Free text, if any.
    public init(
        name: String, kind: Kind, vendor: String, model: String, protocolVariant: String, usbID: USBDeviceID,
        connection: Connection, sources: [FactSource], notes: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.vendor = vendor
        self.model = model
        self.protocolVariant = protocolVariant
        self.usbID = usbID
        self.connection = connection
        self.sources = sources
        self.notes = notes
    }

    /// The file name the model is read from, e.g. `reader-0400-c35a.toml`.
    public var fileName: String { name + ".toml" }

    /// Whether at least one source marked `confirmed` backs `fact` (a key path such as `usb.endpoints`).
    public func isConfirmed(_ fact: String) -> Bool {
        sources.contains { $0.confirmed && $0.facts.contains(fact) }
    }

    /// The facts no confirmed source backs, in the schema's order, e.g. `["usb.interface"]`.
    public var unconfirmedFacts: [String] {
        DeviceModel.factKeys.filter { key in
            sources.contains { $0.facts.contains(key) } && !isConfirmed(key)
        }
    }

    /// Every key path that is a fact and needs a `[[source]]`, in schema order.
    public static let factKeys = [
        "vendor", "model", "protocol",
        "usb.vendor_id", "usb.product_id", "usb.interface", "usb.scheme", "usb.endpoints", "usb.transfer",
        "usb.speed",
        "serial.baud", "serial.data_bits", "serial.parity", "serial.stop_bits",
    ]
}
