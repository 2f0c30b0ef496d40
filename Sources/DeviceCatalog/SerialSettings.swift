// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// How a tty device (a USB-serial bridge) is opened, and the stable name udev gives it.
///
/// - Configuration keys (table `[serial]`):
///   - `baud` (integer, default `115200`): one of 9600, 19200, 38400, 57600, 115200.
///   - `data_bits` (integer, default `8`): 5–8.
///   - `parity` (string, default `none`): `none`, `even` or `odd`.
///   - `stop_bits` (integer, default `1`): 1 or 2.
///   - `symlink` (string, default `kioskd/<file name>-%n`): the link udev makes under `/dev`; it starts with
///     `kioskd/` and contains `%n` (the tty's kernel number), so two identical bridges get two names.
public struct SerialSettings: Hashable, Sendable {
    /// The parity bit.
    public enum Parity: String, Hashable, Sendable, CaseIterable {
        /// No parity bit.
        case none
        /// Even parity.
        case even
        /// Odd parity.
        case odd
    }

    /// The line speeds GA 467 readers support (115200 by default).
    public static let supportedBaudRates = [9600, 19200, 38400, 57600, 115200]

    /// The line speed in bit/s.
    public var baud: Int
    /// Data bits per character.
    public var dataBits: Int
    /// The parity bit.
    public var parity: Parity
    /// Stop bits per character.
    public var stopBits: Int
    /// The symlink udev makes under `/dev`, with udev's `%n` in it, e.g. `kioskd/reader-1a86-7523-%n`.
    public var symlink: String

    /// Creates serial settings; the defaults are GA 467's 115200 8N1.
    ///
    /// - Parameters:
    ///   - baud: The line speed in bit/s.
    ///   - dataBits: Data bits per character.
    ///   - parity: The parity bit.
    ///   - stopBits: Stop bits per character.
    ///   - symlink: The symlink udev makes under `/dev`.
    public init(baud: Int = 115_200, dataBits: Int = 8, parity: Parity = .none, stopBits: Int = 1, symlink: String) {
        self.baud = baud
        self.dataBits = dataBits
        self.parity = parity
        self.stopBits = stopBits
        self.symlink = symlink
    }

    /// `115200 8N1`.
    public var summary: String {
        "\(baud) \(dataBits)\(parity.rawValue.prefix(1).uppercased())\(stopBits)"
    }

    /// The symlink's glob under `/dev`, with `%n` as `*`: what the daemon scans, e.g. `/dev/kioskd/reader-1a86-7523-*`.
    public var devicePattern: String {
        "/dev/" + symlink.replacing("%n", with: "*")
    }
}
