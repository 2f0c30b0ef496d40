// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The `[printer]` table: where tickets print and how the printer is driven.
///
/// - Configuration keys:
///   - `printer.queue` (string, default `auto`): `auto` (CUPS's default destination when cupsd answers and
///     has one, else the emulated printer), `default` (CUPS's default destination, always), `emulator` (the
///     built-in emulated printer, which keeps jobs as files beside the database), `none` (no printing), or a
///     CUPS queue name such as `kioskd-receipt` (see `kioskd printer setup`).
///   - `printer.model` (string, default `auto`): how to render — `auto` (the printer model a device file
///     under devices/ describes, if one is on the bus, else `chinese-80`), a preset (`chinese-58`,
///     `chinese-80`, `raster-58`, `international-80`), or a device file's name such as `printer-0416-5011`.
///   - `printer.cups_server` (string, optional): `host:port` or a socket path of cupsd; without it the
///     usual CUPS client rules apply (`CUPS_SERVER`, `client.conf`, the local socket).
///   - `printer.job_timeout_seconds` (integer 5…600, default 60): how long a job may take before it counts as
///     failed (the ticket stays issued; staff can reprint it).
public struct PrinterSettings: Sendable, Hashable {
    /// `auto`, `default`, `emulator`, `none` or a CUPS queue name.
    public var queue: String
    /// `auto`, a preset name or a device file's name.
    public var model: String
    /// cupsd's address, or `nil` for the CUPS client defaults.
    public var cupsServer: String?
    /// How long a job may take.
    public var jobTimeoutSeconds: Int

    /// The presets `model` accepts besides `auto` and device files.
    public static let presets = ["chinese-58", "chinese-80", "raster-58", "international-80"]

    /// Creates settings; the defaults are those of a missing `[printer]` table.
    /// - Parameters:
    ///   - queue: Where jobs go.
    ///   - model: How to render.
    ///   - cupsServer: cupsd's address.
    ///   - jobTimeoutSeconds: How long a job may take.
    public init(queue: String = "auto", model: String = "auto", cupsServer: String? = nil, jobTimeoutSeconds: Int = 60) {
        self.queue = queue
        self.model = model
        self.cupsServer = cupsServer
        self.jobTimeoutSeconds = jobTimeoutSeconds
    }
}
