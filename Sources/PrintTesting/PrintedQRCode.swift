// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Printing

/// A QR code the printer draws from `GS ( k`: the stored data and the settings in effect when printed.
public struct PrintedQRCode: Sendable, Hashable {
    /// The stored data (function 180).
    public var payload: [UInt8]
    /// The model (function 165): 1, 2, or 3 for Micro QR.
    public var model: Int
    /// The module size in dots (function 167).
    public var moduleSize: Int
    /// The error correction level (function 169): `L`, `M`, `Q` or `H`.
    public var errorCorrection: Character
    /// The alignment in effect (`ESC a`).
    public var alignment: TextStyle.Alignment
    /// The offset of the print command (function 181).
    public var offset: Int

    /// The payload as UTF-8 text.
    public var text: String { String(decoding: payload, as: UTF8.self) }
}
