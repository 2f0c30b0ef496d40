// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// 公民身份号码: an 18-character ID number (GB 11643) with a valid ISO 7064 MOD 11-2 check character.
///
/// Resident cards, 港澳台居民居住证 and the 2023 foreigner's permanent residence card (first digit 9)
/// all use this form. Prints masked — first 4 and last 4 characters, e.g. `3201**********1234` — in
/// ``description``, ``debugDescription``, `dump` and JSON. The clear value is ``revealed``.
public struct IDNumber: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Encodable
{
    private let value: String

    /// Validates a number.
    /// - Parameter text: 17 digits and a digit or `X` (a lowercase `x` is accepted and stored uppercase).
    /// - Throws: ``IDCardError/Code/invalidIDNumber`` for the wrong shape, ``IDCardError/Code/badCheckDigit``
    ///   when the check character is wrong. The error never contains the number.
    public init(_ text: some StringProtocol) throws(IDCardError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 18, bytes[..<17].allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw IDCardError(.invalidIDNumber, "\(bytes.count) bytes, expected 17 digits and a check character")
        }
        let last = bytes[17] == UInt8(ascii: "x") ? UInt8(ascii: "X") : bytes[17]
        guard (0x30...0x39).contains(last) || last == UInt8(ascii: "X") else {
            throw IDCardError(.invalidIDNumber, "the check character is not a digit or X")
        }
        guard Self.checkCharacter(forFirst17: bytes[..<17]) == Character(Unicode.Scalar(last)) else {
            throw IDCardError(.badCheckDigit)
        }
        value = String(decoding: bytes[..<17] + [last], as: UTF8.self)
    }

    /// The ISO 7064 MOD 11-2 check character for the first 17 digits.
    ///
    /// Weights `2^(17-i) mod 11`; the character is `(12 - sum mod 11) mod 11`, with 10 written `X`.
    /// - Parameter digits: 17 ASCII digits.
    /// - Returns: `0`–`9` or `X`; nil unless given exactly 17 ASCII digits.
    public static func checkCharacter(forFirst17 digits: some Collection<UInt8>) -> Character? {
        guard digits.count == 17, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + Int($1.0 - 0x30) * $1.1 }
        let check = (12 - sum % 11) % 11
        return check == 10 ? "X" : Character(String(check))
    }

    /// The clear number. Never log this, never print it, never send it unencrypted; the masked forms
    /// (``masked``, ``description``) are for everything else.
    public var revealed: String { value }

    /// The first 4 and last 4 characters with 10 `*` between, e.g. `3201**********1234`.
    public var masked: String { value.prefix(4) + String(repeating: "*", count: 10) + value.suffix(4) }

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
