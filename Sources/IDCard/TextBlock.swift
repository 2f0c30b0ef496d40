// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The 256-byte text block every card type stores: UCS-2 little-endian fields padded with spaces,
/// with the card type character at byte 248 (research notes §3.4–3.7).
public enum TextBlock {
    /// The size of the block in bytes.
    public static let size = 256
    /// The byte offset of the card type character (`J`, `I`, `Y`, or space for a resident card).
    public static let cardTypeOffset = 248

    /// Decodes a text block into the identity of its card type.
    /// - Parameter bytes: Exactly 256 bytes.
    /// - Returns: The identity; never a partial one.
    /// - Throws: ``IDCardError/Code/inconsistentPayload`` when the block is not 256 bytes,
    ///   ``IDCardError/Code/unknownCardType``, and the field errors (``IDCardError/Code/invalidDate``,
    ///   ``IDCardError/Code/badCheckDigit``, …) with the field's name and offset in the context.
    public static func decode(_ bytes: some Collection<UInt8>) throws(IDCardError) -> CardIdentity {
        let reader = try Reader(Array(bytes))
        switch reader.unit(at: cardTypeOffset) {
        case 0x0020, 0x0000: return .resident(try ResidentIdentity(reader))
        case UInt16(ascii: "J"): return .residencePermit(try ResidencePermitIdentity(reader))
        case UInt16(ascii: "I"): return .foreignPermanentResident(try ForeignerIdentity(reader))
        case UInt16(ascii: "Y"): return .foreignPermanentResident2023(try Foreigner2023Identity(reader))
        case let unit: throw IDCardError(.unknownCardType, "type unit 0x\(String(unit, radix: 16)) at byte 248")
        }
    }

    /// Encodes an identity into its text block, e.g. for a reader emulator or a fixture.
    ///
    /// Fields longer than their slot are cut; the rest is padded with spaces.
    /// - Parameter identity: Any card's identity.
    /// - Returns: 256 bytes that ``decode(_:)`` turns back into an equal identity.
    public static func encode(_ identity: CardIdentity) -> [UInt8] {
        var writer = Writer()
        switch identity {
        case .resident(let resident): resident.write(to: &writer)
        case .residencePermit(let permit): permit.write(to: &writer)
        case .foreignPermanentResident(let foreigner): foreigner.write(to: &writer)
        case .foreignPermanentResident2023(let foreigner): foreigner.write(to: &writer)
        }
        return writer.bytes
    }

    /// Decodes UCS-2 LE, dropping trailing spaces and NULs.
    static func string(in bytes: ArraySlice<UInt8>, field: String) throws(IDCardError) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
            index += 2
        }
        while let last = units.last, last == 0x0020 || last == 0x0000 { units.removeLast() }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: throw IDCardError(.invalidText, "field \(field)")
            }
        }
    }

    /// Reads typed fields from a 256-byte block; errors name the field and its offset, never its value.
    struct Reader {
        let bytes: [UInt8]

        init(_ bytes: [UInt8]) throws(IDCardError) {
            guard bytes.count == TextBlock.size else {
                throw IDCardError(.inconsistentPayload, "text block of \(bytes.count) bytes, expected 256")
            }
            self.bytes = bytes
        }

        func unit(at offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }

        func text(_ field: String, _ offset: Int, _ length: Int) throws(IDCardError) -> String {
            try TextBlock.string(in: bytes[offset..<(offset + length)], field: "\(field) at byte \(offset)")
        }

        func required(_ field: String, _ offset: Int, _ length: Int) throws(IDCardError) -> String {
            let value = try text(field, offset, length)
            guard !value.isEmpty else { throw IDCardError(.missingField, "\(field) at byte \(offset)") }
            return value
        }

        func sex(at offset: Int) throws(IDCardError) -> Sex {
            let value = try text("sex", offset, 2)
            // ASCII digits only: `Character.wholeNumberValue` is 10000 for 万, which no UInt8 holds.
            let units = Array(value.utf8)
            guard units.count == 1, (0x30...0x39).contains(units[0]), let sex = Sex(rawValue: units[0] - 0x30)
            else { throw IDCardError(.invalidField, "sex at byte \(offset)") }
            return sex
        }

        func date(_ field: String, _ offset: Int) throws(IDCardError) -> CardDate {
            do {
                return try CardDate(yyyyMMdd: text(field, offset, 16))
            } catch {
                throw IDCardError(error.code, "\(field) at byte \(offset)")
            }
        }

        func validity(startAt start: Int, endAt end: Int) throws(IDCardError) -> ValidityPeriod {
            let from = try date("valid from", start)
            if try text("valid to", end, 16) == ValidityPeriod.End.longTermText {
                return ValidityPeriod(start: from, end: .longTerm)
            }
            return ValidityPeriod(start: from, end: .date(try date("valid to", end)))
        }

        func idNumber(_ field: String, _ offset: Int) throws(IDCardError) -> IDNumber {
            do {
                return try IDNumber(text(field, offset, 36))
            } catch {
                throw IDCardError(error.code, "\(field) at byte \(offset)")
            }
        }

        /// Digits such as an issue count; nil when the field is blank.
        func count(_ field: String, _ offset: Int, _ length: Int) throws(IDCardError) -> Int? {
            let value = try text(field, offset, length)
            guard !value.isEmpty else { return nil }
            guard value.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(value) else {
                throw IDCardError(.invalidField, "\(field) at byte \(offset)")
            }
            return number
        }
    }

    /// Writes fields into a space-filled 256-byte block.
    struct Writer {
        private(set) var bytes: [UInt8] = Array(repeating: 0, count: TextBlock.size).enumerated().map {
            $0.offset % 2 == 0 ? 0x20 : 0x00
        }

        mutating func write(_ text: String, at offset: Int, length: Int) {
            write(units: text.utf16, at: offset, length: length)
        }

        mutating func write(units: some Sequence<UInt16>, at offset: Int, length: Int) {
            for (index, unit) in units.prefix(length / 2).enumerated() {
                bytes[offset + 2 * index] = UInt8(unit & 0xFF)
                bytes[offset + 2 * index + 1] = UInt8(unit >> 8)
            }
        }

        mutating func write(_ count: Int?, at offset: Int, length: Int) {
            guard let count else { return }
            let digits = String(count)
            write(String(repeating: "0", count: max(length / 2 - digits.count, 0)) + digits, at: offset, length: length)
        }
    }
}

extension UInt16 {
    /// The UTF-16 unit of an ASCII character.
    fileprivate init(ascii: Unicode.Scalar) { self = UInt16(ascii.value) }
}
