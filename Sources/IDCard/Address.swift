// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A place written on a card: the holder's 住址, or the 签发机关 (issuing authority, which names the
/// district). Prints masked; the clear value is ``revealed``.
///
/// The masked form keeps the province and the city and replaces the rest with `***`:
/// `江苏省南京市玄武区…` → `江苏省南京市***`, `北京市东城区…` → `北京市***`. Text without a recognisable
/// province prefix is fully masked (`***`).
public struct Address: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Encodable
{
    private let value: String

    /// Wraps a place as read from a card (trailing padding already removed).
    /// - Parameter value: The clear text.
    public init(_ value: String) {
        self.value = value
    }

    /// Decodes the answer to ``Command/readAdditionalAddress``: up to 70 bytes of UCS-2 LE, space-padded.
    /// - Parameter additionalAddress: The response data after SW3.
    /// - Throws: ``IDCardError/Code/inconsistentPayload`` for an odd byte count or more than 70 bytes,
    ///   ``IDCardError/Code/invalidText`` for an unpaired surrogate.
    public init(additionalAddress data: some Collection<UInt8>) throws(IDCardError) {
        let bytes = Array(data)
        guard bytes.count % 2 == 0, bytes.count <= 70 else {
            throw IDCardError(.inconsistentPayload, "additional address of \(bytes.count) bytes")
        }
        value = try TextBlock.string(in: bytes[...], field: "additional address")
    }

    /// The clear text. Never log this, never print it, never send it unencrypted.
    public var revealed: String { value }

    /// Whether the card left this field empty.
    public var isEmpty: Bool { value.isEmpty }

    /// The province and city followed by `***`, or `***` alone; empty for an empty field.
    public var masked: String {
        guard !value.isEmpty else { return "" }
        let characters = Array(value)
        guard let province = Self.firstMarker(Self.provinceMarkers, in: characters, from: 0, within: 8) else {
            return "***"
        }
        var end = province.end
        if let city = Self.firstMarker(Self.cityMarkers, in: characters, from: end, within: 10),
            !characters[end..<city.start].contains(where: Self.endsCitySearch)
        {
            end = city.end
        }
        return String(characters[..<end]) + "***"
    }

    private static let provinceMarkers = ["自治区", "省", "市"].map(Array.init)
    private static let cityMarkers = ["地区", "自治州", "市", "州", "盟"].map(Array.init)
    /// Characters that end a city name's search: a district, street or number came first.
    private static let stops: Set<Character> = ["区", "县", "旗", "路", "街", "道", "镇", "乡", "村", "号", "局"]

    /// A stop character or a digit (ASCII or full-width; not `Character.isNumber`, which is true for 京).
    private static func endsCitySearch(_ character: Character) -> Bool {
        stops.contains(character) || ("0"..."9").contains(character) || ("０"..."９").contains(character)
    }

    /// The first marker starting within `limit` characters of `start`: where it starts and where it ends.
    private static func firstMarker(
        _ markers: [[Character]],
        in characters: [Character],
        from start: Int,
        within limit: Int
    ) -> (start: Int, end: Int)? {
        var position = start
        while position < min(characters.count, start + limit) {
            for marker in markers
            where position + marker.count <= characters.count
                && characters[position..<(position + marker.count)].elementsEqual(marker)
            {
                return (position, position + marker.count)
            }
            position += 1
        }
        return nil
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
