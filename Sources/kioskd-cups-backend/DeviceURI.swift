// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceIO

/// The backend's device URI: `kioskd:/dev/usb/lp0` or `kioskd:/dev/kioskd/printer-NAME`, with options.
///
/// - Configuration keys (the URI's query, `&`-separated):
///   - `status` (`dle-eot` | `none`, default `dle-eot`): ask the printer for its real-time status before and
///     after each job; `none` for printers with no back channel.
///   - `baud` (Int, default `115200`): the line speed when the device is a tty; 9600–230400.
///   - `on-paper-out` (`retry` | `stop`, default `retry`): with paper out or the cover open, hold the job and
///     retry it later, or stop the queue until someone runs `cupsenable`.
struct DeviceURI: Sendable, Hashable {
    /// What to do when the printer needs a person (paper out, cover open).
    enum PaperOutPolicy: String, Sendable {
        /// Hold the job; cupsd retries it after `JobRetryInterval`.
        case retry
        /// Stop the queue; the job waits for `cupsenable`.
        case stop
    }

    /// The device path.
    var path: String
    /// Whether to ask the printer for `DLE EOT` status.
    var queriesStatus = true
    /// The line settings for a tty.
    var serial = SerialSettings.standard
    /// What to do on paper out or an open cover.
    var onPaperOut = PaperOutPolicy.retry

    /// The URI scheme, and the backend's name in cupsd's backend directory.
    static let scheme = "kioskd"

    /// Parses a device URI.
    /// - Parameter uri: The URI, e.g. `kioskd:/dev/usb/lp0?status=none`.
    /// - Throws: ``Invalid`` with the reason.
    init(_ uri: String) throws(Invalid) {
        guard uri.hasPrefix(Self.scheme + ":") else { throw Invalid("the scheme is not \(Self.scheme):") }
        var rest = uri.dropFirst(Self.scheme.count + 1)
        if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts[0])
        guard path.hasPrefix("/"), path.count > 1, !path.split(separator: "/").contains("..") else {
            throw Invalid("the device path must be absolute, e.g. kioskd:/dev/usb/lp0")
        }
        for option in parts.count > 1 ? parts[1].split(separator: "&") : [] {
            let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
            let (key, value) = (pair[0], pair.count > 1 ? pair[1] : "")
            switch key {
            case "status":
                guard value == "dle-eot" || value == "none" else { throw Invalid("status must be dle-eot or none") }
                queriesStatus = value == "dle-eot"
            case "baud":
                guard let baud = Int(value), [9600, 19200, 38400, 57600, 115_200, 230_400].contains(baud) else {
                    throw Invalid("baud must be 9600, 19200, 38400, 57600, 115200 or 230400")
                }
                serial.baudRate = baud
            case "on-paper-out":
                guard let policy = PaperOutPolicy(rawValue: value) else {
                    throw Invalid("on-paper-out must be retry or stop")
                }
                onPaperOut = policy
            default:
                throw Invalid("unknown option \(key)")
            }
        }
    }

    /// Why a device URI was refused.
    struct Invalid: Error, CustomStringConvertible {
        /// The reason, in words.
        let description: String

        init(_ description: String) { self.description = description }
    }
}
