// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import TOMLKit

extension KioskConfiguration {
    /// The top-level tables of the file, in the order the demo file shows them.
    static let topLevelKeys = [
        "hall", "server", "store", "reader", "printer", "cases", "sync", "priority", "calling", "alarm", "estimate", "business", "window",
    ]

    /// Reads and checks the technician's TOML file.
    ///
    /// - Parameter path: The file, e.g. `/etc/kioskd/kioskd.toml`; a relative path is relative to the
    ///   working directory.
    /// - Returns: The configuration, with ``source`` set to `path`.
    /// - Throws: ``ConfigurationError`` naming the file, the line and key where known, and what is wrong.
    public static func load(contentsOf path: String) throws(ConfigurationError) -> KioskConfiguration {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw ConfigurationError(
                code: .unreadableFile, file: path, message: "cannot read the configuration file: \(error.reason)")
        }
        return try parse(text, source: path)
    }

    /// Parses and checks TOML configuration text.
    ///
    /// Every key is checked: unknown keys, wrong types, missing required keys, out-of-range values,
    /// duplicates and unknown references are refused. `token_file` paths are read here.
    ///
    /// - Parameters:
    ///   - toml: The TOML text.
    ///   - source: The file name to report in errors and in ``source``.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigurationError`` naming `source`, the line and key where known, and what is wrong.
    public static func parse(_ toml: String, source: String) throws(ConfigurationError) -> KioskConfiguration {
        let context = ParseContext(file: source, locator: SourceLocator(text: toml))
        let root: TOMLTable
        do {
            root = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                code: .syntax, file: source, line: error.source.begin.line,
                message: "TOML syntax error at column \(error.source.begin.column): \(error.description)")
        } catch {
            throw ConfigurationError(code: .syntax, file: source, message: "TOML syntax error: \(error)")
        }
        let document = TableReader(table: root, path: "", context: context)
        try document.rejectUnknownKeys(allowed: topLevelKeys)

        guard let hallTable = try document.table("hall") else {
            throw ConfigurationError(
                code: .missingKey, file: source, key: "hall",
                message: "missing required table [hall] (with at least `name = \"…\"`)")
        }
        let hall = try HallSection(hallTable)
        let listen = try readListenAddress(document.table("server"))
        let store = try document.table("store")
        let databasePath = try readDatabasePath(store)
        let dataKeyPath = try readDataKeyPath(store)
        let reader = try readReader(document.table("reader"))
        let printer = try readPrinter(document.table("printer"))
        let cases = try readCases(document.table("cases"))
        let sync = try readSync(document.table("sync"))
        let priority = try readPriority(document.table("priority"))
        let calling = try readCalling(document.table("calling"))
        let alarm = try readAlarm(document.table("alarm"))
        let estimate = try readEstimate(document.table("estimate"))
        let businesses = try readBusinesses(document)
        let (windows, tokens) = try readWindows(document, businesses: businesses)

        let configuration = HallConfiguration(
            name: hall.name,
            timeZone: hall.timeZone,
            nightlyReset: hall.nightlyReset,
            businesses: businesses,
            windows: windows,
            priority: priority,
            callingPolicy: calling.policy,
            alarm: alarm,
            estimate: estimate,
            windowRules: calling.rules
        )
        return KioskConfiguration(
            hall: configuration,
            listen: listen,
            databasePath: databasePath,
            dataKeyPath: dataKeyPath,
            reader: reader,
            printer: printer,
            cases: cases,
            sync: sync,
            windowTokens: tokens,
            ticketURLTemplate: hall.ticketURL,
            source: source
        )
    }

    private static func readListenAddress(_ server: TableReader?) throws(ConfigurationError) -> ListenAddress {
        guard let server else { return .default }
        try server.rejectUnknownKeys(allowed: ["listen"])
        guard let text = try server.string("listen") else { return .default }
        guard let address = ListenAddress(parsing: text), address.port != 0 else {
            throw server.error(
                .invalidValue, "listen",
                "expected host:port such as \"127.0.0.1:8080\", \"0.0.0.0:8080\" or \"[::1]:8080\" (port 1–65535), "
                    + "found \(TableReader.quoted(text))")
        }
        return address
    }

    private static func readDatabasePath(_ store: TableReader?) throws(ConfigurationError) -> String {
        guard let store else { return defaultDatabasePath }
        try store.rejectUnknownKeys(allowed: ["path", "data_key"])
        guard store.value("path") != nil else { return defaultDatabasePath }
        return try store.requiredString("path")
    }

    private static func readReader(_ reader: TableReader?) throws(ConfigurationError) -> ReaderSettings {
        guard let reader else { return ReaderSettings() }
        try reader.rejectUnknownKeys(allowed: [
            "device", "fingerprint", "additional_address", "photo_decoder", "photo_decoder_symbol", "photo_decoder_argument",
        ])
        var settings = ReaderSettings()
        if let device = try reader.string("device") {
            guard ["auto", "usb", "emulator", "none"].contains(device) || device.hasPrefix("/") else {
                throw reader.error(
                    .invalidValue, "device",
                    "expected \"auto\", \"usb\", \"emulator\", \"none\" or an absolute device path such as \"/dev/ttyUSB0\", "
                        + "found \(TableReader.quoted(device))")
            }
            settings.device = device
        }
        settings.readsFingerprint = try reader.bool("fingerprint") ?? false
        settings.readsAdditionalAddress = try reader.bool("additional_address") ?? false
        if let library = try reader.string("photo_decoder") {
            guard library.hasPrefix("/") else {
                throw reader.error(
                    .invalidValue, "photo_decoder",
                    "expected the absolute path of the vendor's WLT library, e.g. \"/opt/vendor/lib/libwlt2bmp.so\", "
                        + "found \(TableReader.quoted(library))")
            }
            settings.photoDecoder = library
        }
        if let symbol = try reader.string("photo_decoder_symbol") {
            guard !symbol.isEmpty, symbol.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw reader.error(.invalidValue, "photo_decoder_symbol", "expected a C function name, found \(TableReader.quoted(symbol))")
            }
            settings.photoDecoderSymbol = symbol
        }
        settings.photoDecoderArgument = try reader.integer("photo_decoder_argument", in: Int(Int32.min)...Int(Int32.max)) ?? 1
        return settings
    }

    private static func readPrinter(_ printer: TableReader?) throws(ConfigurationError) -> PrinterSettings {
        guard let printer else { return PrinterSettings() }
        try printer.rejectUnknownKeys(allowed: ["queue", "model", "cups_server", "job_timeout_seconds"])
        var settings = PrinterSettings()
        if let queue = try printer.string("queue") {
            // CUPS queue names: printable, no space, slash or '#' (lpadmin(8)), at most 127 bytes.
            guard !queue.isEmpty, queue.utf8.count <= 127,
                queue.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !"/#".unicodeScalars.contains($0) })
            else {
                throw printer.error(
                    .invalidValue, "queue",
                    "expected \"auto\", \"default\", \"emulator\", \"none\" or a CUPS queue name (no spaces, '/' or '#'), "
                        + "found \(TableReader.quoted(queue))")
            }
            settings.queue = queue
        }
        if let model = try printer.string("model") {
            let isDeviceFile = model.hasPrefix("printer-") && model.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            guard model == "auto" || PrinterSettings.presets.contains(model) || isDeviceFile else {
                throw printer.error(
                    .invalidValue, "model",
                    "expected \"auto\", one of \(PrinterSettings.presets.map { "\"\($0)\"" }.joined(separator: ", ")) "
                        + "or a device file's name such as \"printer-0416-5011\", found \(TableReader.quoted(model))")
            }
            settings.model = model
        }
        settings.cupsServer = try printer.string("cups_server")
        settings.jobTimeoutSeconds = try printer.integer("job_timeout_seconds", in: 5...600) ?? settings.jobTimeoutSeconds
        return settings
    }

    private static func readDataKeyPath(_ store: TableReader?) throws(ConfigurationError) -> String {
        guard let store, store.value("data_key") != nil else { return defaultDataKeyPath }
        return try store.requiredString("data_key")
    }
}

/// The `[hall]` table.
private struct HallSection {
    var name: String
    var timeZone: TimeZone
    var nightlyReset: Bool
    var ticketURL: String?

    init(_ hall: TableReader) throws(ConfigurationError) {
        try hall.rejectUnknownKeys(allowed: ["name", "time_zone", "nightly_reset", "ticket_url"])
        name = try hall.requiredString("name")
        let zone = try hall.string("time_zone") ?? "Asia/Shanghai"
        // Foundation reads "CST" as US Central Time, not China Standard Time: refuse such abbreviations.
        let isAbbreviation = zone.count <= 5 && zone.allSatisfy { $0.isASCII && $0.isUppercase }
        if isAbbreviation, !["UTC", "GMT", "PRC"].contains(zone) {
            throw hall.error(
                .invalidValue, "time_zone",
                "expected an IANA time zone such as \"Asia/Shanghai\", found the abbreviation "
                    + "\(TableReader.quoted(zone)), which is ambiguous (\"CST\" is also US Central Time)")
        }
        guard let timeZone = TimeZone(identifier: zone) else {
            throw hall.error(
                .invalidValue, "time_zone",
                "expected an IANA time zone such as \"Asia/Shanghai\" or \"Asia/Urumqi\", found \(TableReader.quoted(zone))"
            )
        }
        self.timeZone = timeZone
        nightlyReset = try hall.bool("nightly_reset") ?? true
        ticketURL = try hall.string("ticket_url")
        if let url = ticketURL {
            let scheme = url.hasPrefix("http://") || url.hasPrefix("https://")
            guard scheme, url.contains("{number}"), !url.contains(where: \.isWhitespace) else {
                throw hall.error(
                    .invalidValue, "ticket_url",
                    "expected an http:// or https:// URL containing `{number}` and no spaces, "
                        + "e.g. \"http://hall.example/t/{number}\", found \(TableReader.quoted(url))")
            }
        }
    }
}
