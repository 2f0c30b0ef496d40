// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import IDCard

/// A complete read from a reader: the identity and photo, and the card serial that select answered.
///
/// Prints masked (through ``CardRead``'s description) and never shows the serial, the photo or any field
/// in clear.
public struct CardReading: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The identity, photo and fingerprint.
    public let read: CardRead
    /// The data of the select answer (8 bytes, all zero on the readers seen; research notes §3.1).
    public let cardSerial: [UInt8]

    /// Creates a reading.
    /// - Parameters:
    ///   - read: The identity, photo and fingerprint.
    ///   - cardSerial: The select answer's data.
    public init(read: CardRead, cardSerial: [UInt8]) {
        self.read = read
        self.cardSerial = cardSerial
    }

    /// The masked read.
    public var description: String { read.description }

    /// ``description``.
    public var debugDescription: String { description }

    /// The masked read only.
    public var customMirror: Mirror { Mirror(self, children: ["read": read], displayStyle: .struct) }
}
