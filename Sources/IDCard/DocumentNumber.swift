// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A document number other than an ``IDNumber``: the 通行证号码 on a 港澳台居民居住证, or the 15-character
/// 永久居留证号码 of an old foreigner's card. Prints masked; the clear value is ``revealed``.
///
/// Masking keeps the first 4 and last 4 characters of numbers of 12 or more characters (`USA1*******0011`),
/// the first 2 and last 2 of shorter ones (`H1*****78`), and hides numbers under 6 characters entirely.
public struct DocumentNumber: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Encodable
{
    private let value: String

    /// Wraps a number as read from a card.
    /// - Parameter value: The clear number.
    public init(_ value: String) {
        self.value = value
    }

    /// The clear number. Never log this, never print it, never send it unencrypted.
    public var revealed: String { value }

    /// The masked number, as long as the clear one.
    public var masked: String {
        let keep = value.count >= 12 ? 4 : value.count >= 6 ? 2 : 0
        guard keep > 0 else { return String(repeating: "*", count: value.count) }
        return value.prefix(keep) + String(repeating: "*", count: value.count - 2 * keep) + value.suffix(keep)
    }

    /// ``masked``.
    public var description: String { masked }

    /// ``masked``.
    public var debugDescription: String { masked }

    /// The masked form only.
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked], displayStyle: .struct) }

    /// Encodes ``masked``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(masked)
    }
}
