// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A card holder's name, Chinese or Latin. Prints masked; the clear value is ``revealed``.
///
/// Chinese names keep their first character, e.g. `张*` for a two-character name; Latin names keep the
/// first letter of each word, e.g. `J*** S****`. The masked form is what ``description``,
/// ``debugDescription``, `dump` and JSON show.
public struct PersonName: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Encodable
{
    private let value: String

    /// Wraps a name as read from a card (trailing padding already removed).
    /// - Parameter value: The clear name.
    public init(_ value: String) {
        self.value = value
    }

    /// The clear name. Never log this, never print it, never send it unencrypted.
    public var revealed: String { value }

    /// Whether the card left this name empty (e.g. a foreigner without a Chinese name).
    public var isEmpty: Bool { value.isEmpty }

    /// The masked name: `张*`, `欧阳**`, `J*** S****`.
    public var masked: String {
        guard let first = value.first else { return "" }
        guard first.isASCII else {
            return String(first) + String(repeating: "*", count: value.count - 1)
        }
        return value.split(separator: " ", omittingEmptySubsequences: false)
            .map { word in word.prefix(1) + String(repeating: "*", count: max(word.count - 1, 0)) }
            .joined(separator: " ")
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
