// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Line settings for a USB-serial or RS-232 device: a card reader or a receipt printer.
///
/// - Configuration keys:
///   - `baudRate` (Int, default `115200`): 9600, 19200, 38400, 57600 or 115200 or 230400.
///   - `dataBits` (Int, default `8`): 7 or 8.
///   - `parity` (``Parity``, default `.none`).
///   - `stopBits` (Int, default `1`): 1 or 2.
///
/// The default is the readers' factory setting, 115200 8N1 (research notes, ID-card protocol §4.1).
public struct SerialSettings: Sendable, Hashable {
    /// Parity of each character.
    public enum Parity: String, Sendable, Hashable {
        /// No parity bit.
        case none
        /// Even parity.
        case even
        /// Odd parity.
        case odd
    }

    /// The line speed in bits per second.
    public var baudRate: Int
    /// Data bits per character.
    public var dataBits: Int
    /// The parity.
    public var parity: Parity
    /// Stop bits per character.
    public var stopBits: Int

    /// Creates settings; the defaults are 115200 8N1.
    /// - Parameters:
    ///   - baudRate: 9600, 19200, 38400, 57600 or 115200.
    ///   - dataBits: 7 or 8.
    ///   - parity: The parity.
    ///   - stopBits: 1 or 2.
    public init(baudRate: Int = 115_200, dataBits: Int = 8, parity: Parity = .none, stopBits: Int = 1) {
        self.baudRate = baudRate
        self.dataBits = dataBits
        self.parity = parity
        self.stopBits = stopBits
    }

    /// 115200 8N1.
    public static let standard = SerialSettings()
}
