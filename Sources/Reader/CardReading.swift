// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import IDCard

/// A complete read from a reader: the identity and photo (and fingerprints when asked for), the newest
/// additional address when asked for, and the card serial that select answered.
///
/// Prints masked (through ``CardRead``'s description) and never shows the serial, the photo, the
/// additional address or any field in clear.
public struct CardReading: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The identity, photo and fingerprint.
    public let read: CardRead
    /// The data of the select answer (8 bytes, all zero on the readers seen; research notes §3.1).
    public let cardSerial: [UInt8]
    /// 追加住址, the address written on the card after issue, when the session asked for it and the card has
    /// one; it supersedes the identity's address.
    public let additionalAddress: Address?

    /// Creates a reading.
    /// - Parameters:
    ///   - read: The identity, photo and fingerprint.
    ///   - cardSerial: The select answer's data.
    ///   - additionalAddress: The newest additional address, if read.
    public init(read: CardRead, cardSerial: [UInt8], additionalAddress: Address? = nil) {
        self.read = read
        self.cardSerial = cardSerial
        self.additionalAddress = additionalAddress
    }

    /// The masked read.
    public var description: String { read.description }

    /// ``description``.
    public var debugDescription: String { description }

    /// The masked read only.
    public var customMirror: Mirror { Mirror(self, children: ["read": read], displayStyle: .struct) }
}
