// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
public import Queue

/// The daemon's whole configuration, read from the technician's TOML file or the built-in demo hall.
///
/// Load it with ``load(contentsOf:)`` or ``parse(_:source:)``; every problem is a ``ConfigurationError``
/// naming the file, the line and the key. Unknown keys are refused, so a typo is never silently ignored.
/// ``demoTOML`` is a complete, commented example (`kioskd config example`).
///
/// - Configuration keys:
///   - `hall.name` (string, required): the hall's name, printed on tickets.
///   - `hall.time_zone` (string, default `Asia/Shanghai`): an IANA time zone; the day rolls over at local midnight.
///   - `hall.nightly_reset` (bool, default `true`): `false` for a 24-hour office.
///   - `hall.ticket_url` (string, optional): `http(s)://…` containing `{number}`, printed as a QR code.
///   - `server.listen` (string, default `127.0.0.1:8080`): `host:port`, IPv6 as `[::1]:8080`.
///   - `store.path` (string, default `var/kioskd.sqlite`): the SQLite file, relative to the working directory.
///   - `store.data_key` (string, default `var/kioskd.key`): the data key file; created 0600 on first start,
///     and required once the store holds data sealed with it.
///   - `reader.device`, `reader.fingerprint`, `reader.additional_address`, `reader.photo_decoder`,
///     `reader.photo_decoder_symbol`, `reader.photo_decoder_argument`: see ``ReaderSettings``.
///   - `printer.queue`, `printer.model`, `printer.cups_server`, `printer.job_timeout_seconds`: see
///     ``PrinterSettings``.
///   - `cases.retention_days`, `cases.agent_idle_minutes`, `cases.device_id`: see ``CaseSettings``.
///   - `sync.server`, `sync.identity`, `sync.interval_seconds`, `sync.request_timeout_seconds`: see
///     ``SyncSettings``; without `[sync]` the kiosk does not sync.
///   - `priority.elderly_age` (integer, default `60`): age from which a card holder is elderly.
///   - `priority.green_channel` (array of strings, default `["disabled", "military"]`): green-channel categories.
///   - `priority.aged_weights` (inline table of numbers > 0, keys `normal`, `appointment`, `elderly`,
///     `green_channel`; default `1, 3, 2, 3`): wait multipliers for the `aged` policy.
///   - `calling.policy` (string, default `interleave`): `strict`, `aged` or `interleave`.
///   - `calling.interleave` (string, default `2:1`): priority calls, then normal calls; only with `interleave`.
///   - `calling.max_recalls` (integer ≥ 0, default `3`): recalls (重呼) per ticket.
///   - `calling.reactivate_places` (integer ≥ 0, default `3`): places a re-activated no-show goes behind.
///   - `calling.outcomes` (array of strings, default `["done", "incomplete", "referred", "other"]`).
///   - `alarm.waiting_count` (4 ascending integers ≥ 0, default `[1, 10, 20, 40]`): green, yellow, orange,
///     red start.
///   - `alarm.longest_wait_minutes` (4 ascending numbers ≥ 0, default `[0, 15, 30, 60]`); `0` means any wait.
///   - `estimate.sample_size` (integer ≥ 1, default `20`), `estimate.prior_weight` (integer ≥ 0, default `3`).
///   - `[[business]]` (at least one): `code` (string `[a-z0-9-]{1,32}`, unique, required), `name` (string,
///     required), `prefix` (1–2 letters `A`–`Z`, unique, required), `width` (integer 2…5, default `3`),
///     `hours` (string like `08:30-12:00,13:30-17:30`, default all day), `capacity` (integer 1…10^width − 1,
///     optional), `typical_service_minutes` (number > 0, default `5`).
///   - `[[window]]` (at least one): `id` (string `[A-Za-z0-9-]{1,16}`, unique, required), `name` (string,
///     required), `businesses` (array of codes or `{ business = "…", weight = 2 }`, at least one, required),
///     and exactly one of `token` (string, 8–128 printable ASCII characters) or `token_file` (path to a file
///     holding the token; surrounding whitespace is trimmed).
public struct KioskConfiguration: Sendable {
    /// The hall: businesses, windows and queue rules.
    public var hall: HallConfiguration
    /// Where the HTTP server listens.
    public var listen: ListenAddress
    /// The SQLite database file; a relative path is relative to the working directory.
    public var databasePath: String
    /// The data key file that seals personal data and hashes ID numbers (created 0600 on first start).
    public var dataKeyPath: String
    /// The `[reader]` table: the ID-card reader, what reads fetch, the photo decoder.
    public var reader: ReaderSettings
    /// The `[printer]` table: queue, model, cupsd and job timeout.
    public var printer: PrinterSettings
    /// The `[cases]` table: retention of personal data, agents' idle timeout, the device id.
    public var cases: CaseSettings
    /// The `[sync]` table: the central server and the device identity, or `nil` when the kiosk works alone.
    public var sync: SyncSettings?
    /// Each window's staff token, by window id. Secret: never logged or described.
    public var windowTokens: [String: String]
    /// The ticket QR code's URL with `{number}` in place of the ticket number, or `nil` for no QR code.
    public var ticketURLTemplate: String?
    /// Where the configuration came from: the file path, or `built-in demo hall`.
    public var source: String

    /// The default database path, `var/kioskd.sqlite`.
    public static let defaultDatabasePath = "var/kioskd.sqlite"
    /// The data key file used when `[store] data_key` is not set: beside the default store.
    public static let defaultDataKeyPath = "var/kioskd.key"

    /// Creates a configuration; ``load(contentsOf:)`` and ``parse(_:source:)`` check one from a file.
    ///
    /// - Parameters:
    ///   - hall: The hall: businesses, windows and queue rules.
    ///   - listen: Where the HTTP server listens.
    ///   - databasePath: The SQLite database file.
    ///   - dataKeyPath: The data key file.
    ///   - reader: The ID-card reader.
    ///   - printer: The ticket printer.
    ///   - cases: Proxy cases: retention, agents' idle timeout, the device id.
    ///   - sync: The central server, or `nil` for none.
    ///   - windowTokens: Each window's staff token, by window id.
    ///   - ticketURLTemplate: The ticket QR code's URL template, containing `{number}`.
    ///   - source: Where the configuration came from.
    public init(
        hall: HallConfiguration,
        listen: ListenAddress = .default,
        databasePath: String = KioskConfiguration.defaultDatabasePath,
        dataKeyPath: String = KioskConfiguration.defaultDataKeyPath,
        reader: ReaderSettings = ReaderSettings(),
        printer: PrinterSettings = PrinterSettings(),
        cases: CaseSettings = CaseSettings(),
        sync: SyncSettings? = nil,
        windowTokens: [String: String],
        ticketURLTemplate: String? = nil,
        source: String
    ) {
        self.hall = hall
        self.listen = listen
        self.databasePath = databasePath
        self.dataKeyPath = dataKeyPath
        self.reader = reader
        self.printer = printer
        self.cases = cases
        self.sync = sync
        self.windowTokens = windowTokens
        self.ticketURLTemplate = ticketURLTemplate
        self.source = source
    }

    /// The ticket URL for a printed number, or `nil` when no template is configured.
    ///
    /// - Parameter number: The printed ticket number, e.g. `A001`.
    /// - Returns: The template with `{number}` replaced.
    public func ticketURL(for number: String) -> String? {
        ticketURLTemplate.map { $0.replacingOccurrences(of: "{number}", with: number) }
    }
}

extension KioskConfiguration: CustomStringConvertible, CustomReflectable {
    /// A one-line summary for logs and `kioskd config check`; staff tokens are never included.
    public var description: String {
        let businesses = hall.businesses.map { "\($0.prefix) \($0.code)" }.joined(separator: ", ")
        let windows = hall.windows.map(\.id).joined(separator: ", ")
        return "KioskConfiguration(source: \(source), hall: \(hall.name), time zone: \(hall.timeZone.identifier), "
            + "businesses: [\(businesses)], windows: [\(windows)], calling: \(hall.callingPolicy), "
            + "listen: \(listen), database: \(databasePath), ticket URL: \(ticketURLTemplate ?? "none"), "
            + "tokens: \(windowTokens.count) redacted)"
    }

    /// A mirror for `dump(_:)` and debuggers that shows how many tokens there are, never their values.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "hall": hall,
                "listen": listen,
                "databasePath": databasePath,
                "windowTokens": "\(windowTokens.count) redacted",
                "ticketURLTemplate": ticketURLTemplate as Any,
                "source": source,
            ],
            displayStyle: .struct
        )
    }
}
