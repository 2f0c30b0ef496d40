// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import TOMLKit

extension DeviceModel {
    /// The top-level keys of a device file, in the order `devices/README.md` shows them.
    static let topLevelKeys = [
        "kind", "vendor", "model", "protocol", "notes", "usb", "serial", "paper", "escpos", "source",
    ]

    /// Parses and checks one device file.
    ///
    /// Every key is checked: unknown keys (with the nearest known key when it looks like a typo), wrong types,
    /// missing required keys, bad hex, unknown schemes, values out of range, facts without a `[[source]]`, and a
    /// file name that does not match `<kind>-<vendor_id>-<product_id>.toml` (with `-<variant>` before `.toml`
    /// when `usb.shared_id` is true).
    ///
    /// - Parameters:
    ///   - toml: The file's text.
    ///   - path: The file as given, e.g. `devices/reader-0400-c35a.toml`; its last component is the name.
    /// - Returns: The model.
    /// - Throws: ``DeviceCatalogError`` naming the file, the line and key where known, and what is wrong.
    public static func parse(_ toml: String, path: String) throws(DeviceCatalogError) -> DeviceModel {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw DeviceCatalogError(
                code: .syntax, file: path, line: error.source.begin.line,
                message: "TOML syntax error at column \(error.source.begin.column): \(error.description)",
                underlying: error)
        } catch {
            throw DeviceCatalogError(code: .syntax, file: path, message: "TOML syntax error", underlying: error)
        }
        let document = DeviceTable(table: root, path: "", file: path, locator: KeyLocator(text: toml))
        try document.rejectUnknownKeys(allowed: topLevelKeys)

        let kindWords = Kind.all.map(\.rawValue)
        guard let kindWord = try document.word("kind", oneOf: kindWords) else {
            throw document.missing("kind", "one of " + kindWords.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        let kind = Kind(parsing: kindWord) ?? .reader
        let vendor = try document.requiredString("vendor", "the maker's name")
        let model = try document.requiredString("model", "the model's name")
        let protocolVariant = try document.requiredString("protocol", "a protocol variant such as \"ga467-sam\"")
        guard protocolVariant.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
            throw document.error(
                .invalidValue, "protocol",
                "expected a protocol variant in lower-case letters, digits and `-` such as \"ga467-sam\", "
                    + "found \"\(protocolVariant)\"")
        }
        let notes = try document.string("notes")

        guard let usb = try document.table("usb") else {
            throw document.error(
                .missingKey, "usb",
                "missing required table [usb] (expected `vendor_id` and `product_id`, e.g. vendor_id = \"0400\")")
        }
        let (usbID, usbInterface) = try readUSB(usb)
        let idName = defaultName(kind: kind, usbID: usbID)
        let interfaceClass = try usb.hex("interface_class", digits: 2, expected: interfaceClassExpected).map(UInt8.init)
        let sharesUSBID = try usb.bool("shared_id") ?? false
        let serial = try document.table("serial")
        if kind == .printer, interfaceClass == nil {
            throw usb.missing("interface_class", interfaceClassExpected)
        }
        let connection: Connection
        switch (usbInterface, serial) {
        case (_, _) where interfaceClass == DeviceModel.printerInterfaceClass:
            if usbInterface != nil {
                throw usb.error(
                    .invalidValue, "scheme",
                    "a printer-class interface (interface_class = 7) is driven by the kernel's usblp driver, not "
                        + "through libusb; remove `scheme` and the other libusb keys from [usb]")
            }
            if serial != nil {
                throw document.error(
                    .invalidValue, "serial",
                    "a printer-class interface (interface_class = 7) is /dev/usb/lpN, not a tty; remove [serial] "
                        + "or correct `usb.interface_class` (2 for CDC-ACM)")
            }
            connection = .usblp(symlink: "kioskd/" + idName)
        case (nil, nil) where interfaceClass == DeviceModel.cdcInterfaceClass:
            throw document.error(
                .missingKey, "serial",
                "a CDC-ACM interface (interface_class = 2) is a tty (/dev/ttyACMn): add a [serial] table")
        case let (interface?, nil):
            connection = .usb(interface)
        case let (nil, serial?):
            connection = .serial(try readSerial(serial, kind: kind, idName: idName))
        case (.some, .some):
            throw document.error(
                .invalidValue, "serial",
                "a device is driven either through libusb ([usb] with `scheme`) or as a tty ([serial]), not both; "
                    + "remove `scheme` and the endpoints from [usb] or remove [serial]")
        case (nil, nil):
            throw usb.error(
                .missingKey, "scheme",
                "missing required key `scheme` (expected \"split\" or \"single\"), or a [serial] table for a "
                    + "USB-serial bridge")
        }

        let printer = try readPrinter(document, kind: kind)

        let sources = try readSources(document)
        try checkSources(sources, document: document)

        let name = try fileName(path, idName: idName, shared: sharesUSBID)
        return DeviceModel(
            name: name, kind: kind, vendor: vendor, model: model, protocolVariant: protocolVariant, usbID: usbID,
            connection: connection, interfaceClass: interfaceClass, sharesUSBID: sharesUSBID, printer: printer,
            sources: sources, notes: notes)
    }

    /// The model's name from its file name: `<kind>-<vendor_id>-<product_id>`, plus `-<variant>` for a shared id.
    private static func fileName(_ path: String, idName: String, shared: Bool) throws(DeviceCatalogError) -> String {
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        let name = fileName.hasSuffix(".toml") ? String(fileName.dropLast(".toml".count)) : fileName
        if shared {
            let variant = name.hasPrefix(idName + "-") ? name.dropFirst(idName.count + 1) : ""
            guard fileName.hasSuffix(".toml"), !variant.isEmpty,
                variant.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
            else {
                throw DeviceCatalogError(
                    code: .fileName, file: path,
                    message: "expected the file to be named \(idName)-<variant>.toml after its kind and USB ids, "
                        + "with a variant in lower-case letters, digits and `-` (the id is shared: usb.shared_id)")
            }
            return name
        }
        guard fileName == idName + ".toml" else {
            throw DeviceCatalogError(
                code: .fileName, file: path,
                message: "expected the file to be named \(idName).toml after its kind and USB ids "
                    + "(<kind>-<vendor_id>-<product_id>.toml, lower-case hex; `usb.shared_id = true` allows "
                    + "<kind>-<vendor_id>-<product_id>-<variant>.toml)")
        }
        return name
    }

    /// `reader-0400-c35a`.
    static func defaultName(kind: Kind, usbID: USBDeviceID) -> String {
        "\(kind.rawValue)-\(usbID.vendorHex)-\(usbID.productHex)"
    }

    private static let usbIDExpected = "a 16-bit USB id as 4 hex digits such as \"0400\" or \"0xc35a\", or an integer"
    private static let endpointExpected = "an endpoint address as 2 hex digits such as \"0x81\", or an integer"
    private static let interfaceClassExpected =
        "the interface's class from `lsusb -v` (bInterfaceClass): 7 for a USB printer-class printer (usblp), 2 for "
        + "CDC-ACM, 0xff for vendor-specific"

    /// `[usb]`: the ids always, the libusb interface when `scheme` is present.
    private static func readUSB(
        _ usb: DeviceTable
    ) throws(DeviceCatalogError) -> (USBDeviceID, USBInterfaceDescription?) {
        try usb.rejectUnknownKeys(allowed: [
            "vendor_id", "product_id", "interface_class", "shared_id", "interface", "scheme", "transfer", "speed",
            "endpoints",
        ])
        guard let vendor = try usb.hex("vendor_id", digits: 4, expected: usbIDExpected) else {
            throw usb.missing("vendor_id", usbIDExpected)
        }
        guard let product = try usb.hex("product_id", digits: 4, expected: usbIDExpected) else {
            throw usb.missing("product_id", usbIDExpected)
        }
        let id = USBDeviceID(vendorID: UInt16(vendor), productID: UInt16(product))
        guard let schemeWord = try usb.word("scheme", oneOf: ["split", "single"]) else {
            for key in ["interface", "transfer", "speed", "endpoints"] where usb.has(key) {
                throw usb.error(
                    .missingKey, "scheme",
                    "`\(key)` needs `scheme` (\"split\" or \"single\"): a libusb device names its endpoint scheme")
            }
            return (id, nil)
        }
        let interface = try usb.integer("interface", in: 0...255)
        let transfer =
            try usb.word("transfer", oneOf: USBInterfaceDescription.Transfer.allCases.map(\.rawValue))
            .flatMap(USBInterfaceDescription.Transfer.init(rawValue:)) ?? .bulk
        let speed = try usb.word("speed", oneOf: USBInterfaceDescription.Speed.allCases.map(\.rawValue))
            .flatMap(USBInterfaceDescription.Speed.init(rawValue:))
        let endpoints = try usb.table("endpoints")
        let scheme: EndpointScheme
        if schemeWord == "split" {
            guard let endpoints else {
                throw usb.error(
                    .missingKey, "endpoints",
                    "missing required table [usb.endpoints] (scheme \"split\" needs `out_header`, `out_body`, "
                        + "`in_header`, `in_body`)")
            }
            try endpoints.rejectUnknownKeys(allowed: ["out_header", "out_body", "in_header", "in_body"])
            scheme = .split(
                outHeader: try endpoint(endpoints, "out_header", isIn: false, required: true) ?? 0,
                outBody: try endpoint(endpoints, "out_body", isIn: false, required: true) ?? 0,
                inHeader: try endpoint(endpoints, "in_header", isIn: true, required: true) ?? 0,
                inBody: try endpoint(endpoints, "in_body", isIn: true, required: true) ?? 0)
        } else {
            try endpoints?.rejectUnknownKeys(allowed: ["out", "in"])
            scheme = .single(
                out: try endpoints.flatMap { table throws(DeviceCatalogError) in
                    try endpoint(table, "out", isIn: false, required: false)
                },
                in: try endpoints.flatMap { table throws(DeviceCatalogError) in
                    try endpoint(table, "in", isIn: true, required: false)
                })
        }
        return (
            id, USBInterfaceDescription(interfaceNumber: interface, scheme: scheme, transfer: transfer, speed: speed)
        )
    }

    /// An endpoint address: IN endpoints have bit 7 set, OUT endpoints not; endpoint numbers are 1–15.
    private static func endpoint(
        _ table: DeviceTable, _ key: String, isIn: Bool, required: Bool
    ) throws(DeviceCatalogError) -> UInt8? {
        guard let address = try table.hex(key, digits: 2, expected: endpointExpected) else {
            if required { throw table.missing(key, endpointExpected) }
            return nil
        }
        let number = address & 0x0f
        let direction = isIn ? "an IN endpoint (0x81–0x8f)" : "an OUT endpoint (0x01–0x0f)"
        guard address & 0x70 == 0, number != 0, (address & 0x80 != 0) == isIn else {
            throw table.error(
                .invalidValue, key, "expected \(direction), found \(EndpointScheme.hex(UInt8(address)))")
        }
        return UInt8(address)
    }

    /// `[serial]`.
    /// Readers' symlinks carry `%n` (two bridges of one kind may be plugged in); a printer's may be fixed, as a
    /// CUPS queue names one device, and defaults to `kioskd/<kind>-<vendor_id>-<product_id>`.
    private static func readSerial(_ serial: DeviceTable, kind: Kind, idName: String) throws(DeviceCatalogError)
        -> SerialSettings
    {
        try serial.rejectUnknownKeys(allowed: ["baud", "data_bits", "parity", "stop_bits", "symlink"])
        let baud = try serial.integer("baud", in: 1...4_000_000) ?? 115_200
        guard SerialSettings.supportedBaudRates.contains(baud) else {
            let rates = SerialSettings.supportedBaudRates.map(String.init).joined(separator: ", ")
            throw serial.error(.invalidValue, "baud", "expected one of \(rates), found \(baud)")
        }
        let dataBits = try serial.integer("data_bits", in: 5...8) ?? 8
        let parity =
            try serial.word("parity", oneOf: SerialSettings.Parity.allCases.map(\.rawValue))
            .flatMap(SerialSettings.Parity.init(rawValue:)) ?? .none
        let stopBits = try serial.integer("stop_bits", in: 1...2) ?? 1
        let needsNumber = kind != .printer
        let example = needsNumber ? "kioskd/\(idName)-%n" : "kioskd/\(idName)"
        let symlink = try serial.string("symlink") ?? example
        let allowed = symlink.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_./%".contains($0) }
        let percentOnlyInN = symlink.split(separator: "%", omittingEmptySubsequences: false).dropFirst()
            .allSatisfy { $0.hasPrefix("n") }
        guard symlink.hasPrefix("kioskd/"), symlink.contains("%n") || !needsNumber, allowed, percentOnlyInN,
            !symlink.contains(".."), !symlink.hasSuffix("/")
        else {
            throw serial.error(
                .invalidValue, "symlink",
                "expected a name under /dev/kioskd/\(needsNumber ? " with the tty's number `%n` in it" : ""), in "
                    + "letters, digits and `-_./`, such as \"\(example)\", found \"\(symlink)\"")
        }
        return SerialSettings(baud: baud, dataBits: dataBits, parity: parity, stopBits: stopBits, symlink: symlink)
    }

    /// `[[source]]` entries.
    private static func readSources(_ document: DeviceTable) throws(DeviceCatalogError) -> [FactSource] {
        var sources: [FactSource] = []
        for table in try document.tables("source") {
            try table.rejectUnknownKeys(allowed: ["facts", "ref", "url", "confirmed", "note"])
            guard let facts = try table.strings("facts"), !facts.isEmpty else {
                throw table.missing("facts", "a non-empty array of key paths such as [\"usb.vendor_id\"]")
            }
            let reference = try table.requiredString(
                "ref", "the notes' tag or section, e.g. \"idcard-protocol.md §4.2\"")
            let url = try table.string("url")
            if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(where: \.isWhitespace)
            {
                throw table.error(
                    .invalidValue, "url", "expected an http:// or https:// address without spaces, found \"\(url)\"")
            }
            sources.append(
                FactSource(
                    facts: facts, reference: reference, url: url, confirmed: try table.bool("confirmed") ?? true,
                    note: try table.string("note")))
        }
        return sources
    }

    /// Every fact present needs a source; every fact a source names must be present.
    private static func checkSources(_ sources: [FactSource], document: DeviceTable) throws(DeviceCatalogError) {
        let present = DeviceModel.factKeys.filter { key in
            let parts = key.split(separator: ".").map(String.init)
            guard parts.count == 2 else { return document.has(key) }
            return document.value(parts[0])?.table?[parts[1]] != nil
        }
        for (index, source) in sources.enumerated() {
            for fact in source.facts where !present.contains(fact) {
                let known = DeviceModel.factKeys.contains(fact)
                let list = present.map { "`\($0)`" }.joined(separator: ", ")
                throw document.error(
                    .missingSource, "source[\(index + 1)].facts",
                    known
                        ? "names `\(fact)`, which this file does not set; the facts here are \(list)"
                        : "names `\(fact)`, which is not a fact; expected one of \(list)")
            }
        }
        for fact in present where !sources.contains(where: { $0.facts.contains(fact) }) {
            throw document.error(
                .missingSource, fact,
                "no [[source]] names `\(fact)`; add it to a source's `facts` (with `confirmed = false` if unverified)")
        }
    }
}
