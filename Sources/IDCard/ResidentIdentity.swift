// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The holder of a 居民身份证 (resident ID card), as its text block says.
///
/// Prints masked: ``description``, ``debugDescription``, `dump` (through ``customMirror``) and JSON show
/// the masked name, number and places and the sex, never a clear value, the birth date or the ethnicity.
/// The clear values are behind each field's `revealed`.
public struct ResidentIdentity: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Encodable
{
    /// 姓名.
    public let name: PersonName
    /// 性别.
    public let sex: Sex
    /// 民族.
    public let ethnicity: Ethnicity
    /// 出生日期. For the elderly rule use ``birthDateForAgeRule``; never log it.
    public let birthDate: CardDate
    /// 住址.
    public let address: Address
    /// 公民身份号码.
    public let idNumber: IDNumber
    /// 签发机关.
    public let issuingAuthority: Address
    /// 有效期限.
    public let validity: ValidityPeriod

    /// Creates an identity, e.g. for a fixture.
    /// - Parameters:
    ///   - name: 姓名.
    ///   - sex: 性别.
    ///   - ethnicity: 民族.
    ///   - birthDate: 出生日期.
    ///   - address: 住址.
    ///   - idNumber: 公民身份号码.
    ///   - issuingAuthority: 签发机关.
    ///   - validity: 有效期限.
    public init(
        name: PersonName,
        sex: Sex,
        ethnicity: Ethnicity,
        birthDate: CardDate,
        address: Address,
        idNumber: IDNumber,
        issuingAuthority: Address,
        validity: ValidityPeriod
    ) {
        self.name = name
        self.sex = sex
        self.ethnicity = ethnicity
        self.birthDate = birthDate
        self.address = address
        self.idNumber = idNumber
        self.issuingAuthority = issuingAuthority
        self.validity = validity
    }

    /// Byte offsets and lengths (research notes §3.4).
    enum Layout {
        static let name = (offset: 0, length: 30)
        static let sex = 30
        static let ethnicity = (offset: 32, length: 4)
        static let birthDate = 36
        static let address = (offset: 52, length: 70)
        static let idNumber = 122
        static let issuingAuthority = (offset: 158, length: 30)
        static let validFrom = 188
        static let validTo = 204
    }

    init(_ reader: TextBlock.Reader) throws(IDCardError) {
        name = PersonName(try reader.required("name", Layout.name.offset, Layout.name.length))
        sex = try reader.sex(at: Layout.sex)
        guard let code = try reader.count("ethnicity", Layout.ethnicity.offset, Layout.ethnicity.length),
            let ethnicity = Ethnicity(rawValue: UInt8(clamping: code))
        else { throw IDCardError(.invalidField, "ethnicity at byte \(Layout.ethnicity.offset)") }
        self.ethnicity = ethnicity
        birthDate = try reader.date("birth date", Layout.birthDate)
        address = Address(try reader.text("address", Layout.address.offset, Layout.address.length))
        idNumber = try reader.idNumber("ID number", Layout.idNumber)
        issuingAuthority = Address(
            try reader.text("issuing authority", Layout.issuingAuthority.offset, Layout.issuingAuthority.length)
        )
        validity = try reader.validity(startAt: Layout.validFrom, endAt: Layout.validTo)
    }

    func write(to writer: inout TextBlock.Writer) {
        writer.write(name.revealed, at: Layout.name.offset, length: Layout.name.length)
        writer.write(sex.code, at: Layout.sex, length: 2)
        writer.write(ethnicity.code, at: Layout.ethnicity.offset, length: Layout.ethnicity.length)
        writer.write(birthDate.yyyyMMdd, at: Layout.birthDate, length: 16)
        writer.write(address.revealed, at: Layout.address.offset, length: Layout.address.length)
        writer.write(idNumber.revealed, at: Layout.idNumber, length: 36)
        writer.write(
            issuingAuthority.revealed,
            at: Layout.issuingAuthority.offset,
            length: Layout.issuingAuthority.length
        )
        writer.write(validity.start.yyyyMMdd, at: Layout.validFrom, length: 16)
        writer.write(validity.end.cardText, at: Layout.validTo, length: 16)
    }

    /// The birth date as `yyyyMMdd`, for the queue's elderly-priority rule only. Never log it.
    public var birthDateForAgeRule: String { birthDate.yyyyMMdd }

    /// The masked fields, e.g. `ResidentIdentity(name: 张*, idNumber: 3201**********1234, sex: male, …)`.
    public var description: String {
        "ResidentIdentity(name: \(name), idNumber: \(idNumber), sex: \(sex), address: \(address))"
    }

    /// ``description``.
    public var debugDescription: String { description }

    /// The masked fields only.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["name": name.masked, "idNumber": idNumber.masked, "sex": sex, "address": address.masked],
            displayStyle: .struct
        )
    }

    private enum CodingKeys: String, CodingKey {
        case name, idNumber, sex, address, issuingAuthority
    }

    /// Encodes the masked name, number and places, and the sex.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(idNumber, forKey: .idNumber)
        try container.encode(sex, forKey: .sex)
        try container.encode(address, forKey: .address)
        try container.encode(issuingAuthority, forKey: .issuingAuthority)
    }
}
