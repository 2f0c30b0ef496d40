// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// One supported device model, read from one `devices/*.toml` file.
///
/// - Configuration keys (see `devices/README.md` for the full schema):
///   - `kind` (string, required): `reader` or `printer`.
///   - `vendor`, `model` (strings, required): who makes it and what it is called.
///   - `protocol` (string, required): the protocol variant, e.g. `ga467-sam`.
///   - `notes` (string, optional): free text for the technician.
///   - `[usb]` (table, required): `vendor_id`, `product_id`; `interface_class` (integer, required for printers:
///     7 = printer class, driven by the kernel's usblp driver, 2 = CDC-ACM, 0xff = vendor-specific);
///     `shared_id` (boolean, default `false`: `true` when other models use the same id too, then the file is
///     named `<kind>-<vendor_id>-<product_id>-<variant>.toml`); and for libusb devices `interface`, `scheme`,
///     `transfer`, `speed` and `[usb.endpoints]` (``USBInterfaceDescription``).
///   - `[serial]` (table, instead of the libusb keys): the tty settings (``SerialSettings``).
///   - `[paper]` and `[escpos]` (tables, required for printers and only for them): ``PrinterDescription``.
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
        /// A receipt (ticket) printer; its file also has `[paper]` and `[escpos]` (``PrinterDescription``).
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
        /// Through the kernel's tty driver (a USB-serial bridge or CDC-ACM), by its stable symlink.
        case serial(SerialSettings)
        /// Through the kernel's usblp driver (USB printer class 7, `/dev/usb/lpN`), by its stable symlink under
        /// `/dev`, e.g. `kioskd/printer-0416-5011`.
        case usblp(symlink: String)
    }

    /// The USB interface class of printers (`bInterfaceClass` 7), which the kernel's usblp driver takes.
    public static let printerInterfaceClass: UInt8 = 0x07
    /// The USB interface class of CDC communication interfaces (`bInterfaceClass` 2): a CDC-ACM tty.
    public static let cdcInterfaceClass: UInt8 = 0x02

    /// The file's name without `.toml`, e.g. `reader-0400-c35a` or `printer-0fe6-811e-80mm`; unique in a catalog.
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
    /// libusb endpoints, tty settings or the usblp node.
    public var connection: Connection
    /// The class of the interface the device is driven through (`usb.interface_class`), when the file says.
    public var interfaceClass: UInt8?
    /// Whether other models use the same USB id too (`usb.shared_id`), so the id alone does not name the model.
    public var sharesUSBID: Bool
    /// The printer's paper, fonts, cutter and status; `nil` for other kinds.
    public var printer: PrinterDescription?
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
    ///   - connection: libusb endpoints, tty settings or the usblp node.
    ///   - interfaceClass: The class of the interface the device is driven through, if known.
    ///   - sharesUSBID: Whether other models use the same USB id too.
    ///   - printer: The printer's description, for printers.
    ///   - sources: Where each fact comes from.
    ///   - notes: Free text, if any.
    public init(
        name: String, kind: Kind, vendor: String, model: String, protocolVariant: String, usbID: USBDeviceID,
        connection: Connection, interfaceClass: UInt8? = nil, sharesUSBID: Bool = false,
        printer: PrinterDescription? = nil, sources: [FactSource], notes: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.vendor = vendor
        self.model = model
        self.protocolVariant = protocolVariant
        self.usbID = usbID
        self.connection = connection
        self.interfaceClass = interfaceClass
        self.sharesUSBID = sharesUSBID
        self.printer = printer
        self.sources = sources
        self.notes = notes
    }

    /// `<kind>-<vendor_id>-<product_id>`, e.g. `printer-0fe6-811e`: the name without a shared id's variant, used
    /// for the stable device names under `/dev/kioskd/`.
    public var idName: String { "\(kind.rawValue)-\(usbID.vendorHex)-\(usbID.productHex)" }

    /// The symlink udev makes under `/dev` for a tty or usblp device, e.g. `kioskd/printer-0416-5011`; `nil` for
    /// libusb devices, which have none.
    public var symlink: String? {
        switch connection {
        case .usb: nil
        case let .serial(settings): settings.symlink
        case let .usblp(symlink): symlink
        }
    }

    /// The file name the model is read from, e.g. `reader-0400-c35a.toml` or `printer-0fe6-811e-80mm.toml`.
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
        "usb.vendor_id", "usb.product_id", "usb.interface_class", "usb.shared_id", "usb.interface", "usb.scheme",
        "usb.endpoints", "usb.transfer", "usb.speed",
        "serial.baud", "serial.data_bits", "serial.parity", "serial.stop_bits",
        "paper.width_mm", "paper.dots_per_line", "paper.font_a_columns",
        "escpos.chinese_font", "escpos.code_page", "escpos.qr", "escpos.cut", "escpos.status",
    ]
}
