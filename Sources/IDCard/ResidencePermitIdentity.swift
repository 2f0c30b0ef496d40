// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The holder of a 港澳台居民居住证 (residence permit for Hong Kong, Macao and Taiwan residents, type `J`).
///
/// The first 220 bytes follow the resident card, with no ethnicity; then the 通行证号码 and the
/// 签发次数 (research notes §3.5). Prints masked like ``ResidentIdentity``.
public struct ResidencePermitIdentity: Sendable, Hashable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable, Encodable
{
    /// 姓名.
    public let name: PersonName
    /// 性别.
    public let sex: Sex
    /// 出生日期. For the elderly rule use ``birthDateForAgeRule``; never log it.
    public let birthDate: CardDate
    /// 住址 (in the mainland).
    public let address: Address
    /// 公民身份号码 (same form as a resident's, starting 81 Hong Kong, 82 Macao, 83 Taiwan).
    public let idNumber: IDNumber
    /// 签发机关.
    public let issuingAuthority: Address
    /// 有效期限.
    public let validity: ValidityPeriod
    /// 通行证号码: the holder's mainland travel permit number.
    public let passNumber: DocumentNumber
    /// 签发次数: how many times a permit was issued; nil when the card leaves it blank.
    public let issueCount: Int?

    /// Creates an identity, e.g. for a fixture.
    /// - Parameters:
    ///   - name: 姓名.
    ///   - sex: 性别.
    ///   - birthDate: 出生日期.
    ///   - address: 住址.
    ///   - idNumber: 公民身份号码.
    ///   - issuingAuthority: 签发机关.
    ///   - validity: 有效期限.
    ///   - passNumber: 通行证号码 (9 characters).
    ///   - issueCount: 签发次数 (0–99).
    public init(
        name: PersonName,
        sex: Sex,
        birthDate: CardDate,
        address: Address,
        idNumber: IDNumber,
        issuingAuthority: Address,
        validity: ValidityPeriod,
        passNumber: DocumentNumber,
        issueCount: Int?
    ) {
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.address = address
        self.idNumber = idNumber
        self.issuingAuthority = issuingAuthority
        self.validity = validity
        self.passNumber = passNumber
        self.issueCount = issueCount
    }

    /// Byte offsets and lengths (research notes §3.5); the rest as ``ResidentIdentity/Layout``.
    enum Layout {
        static let passNumber = (offset: 220, length: 18)
        static let issueCount = (offset: 238, length: 4)
    }

    init(_ reader: TextBlock.Reader) throws(IDCardError) {
        typealias Shared = ResidentIdentity.Layout
        name = PersonName(try reader.required("name", Shared.name.offset, Shared.name.length))
        sex = try reader.sex(at: Shared.sex)
        birthDate = try reader.date("birth date", Shared.birthDate)
        address = Address(try reader.text("address", Shared.address.offset, Shared.address.length))
        idNumber = try reader.idNumber("ID number", Shared.idNumber)
        issuingAuthority = Address(
            try reader.text("issuing authority", Shared.issuingAuthority.offset, Shared.issuingAuthority.length)
        )
        validity = try reader.validity(startAt: Shared.validFrom, endAt: Shared.validTo)
        passNumber = DocumentNumber(
            try reader.required("pass number", Layout.passNumber.offset, Layout.passNumber.length)
        )
        issueCount = try reader.count("issue count", Layout.issueCount.offset, Layout.issueCount.length)
    }

    func write(to writer: inout TextBlock.Writer) {
        typealias Shared = ResidentIdentity.Layout
        writer.write(name.revealed, at: Shared.name.offset, length: Shared.name.length)
        writer.write(sex.code, at: Shared.sex, length: 2)
        writer.write(birthDate.yyyyMMdd, at: Shared.birthDate, length: 16)
        writer.write(address.revealed, at: Shared.address.offset, length: Shared.address.length)
        writer.write(idNumber.revealed, at: Shared.idNumber, length: 36)
        writer.write(issuingAuthority.revealed, at: Shared.issuingAuthority.offset, length: Shared.issuingAuthority.length)
        writer.write(validity.start.yyyyMMdd, at: Shared.validFrom, length: 16)
        writer.write(validity.end.cardText, at: Shared.validTo, length: 16)
        writer.write(passNumber.revealed, at: Layout.passNumber.offset, length: Layout.passNumber.length)
        writer.write(issueCount, at: Layout.issueCount.offset, length: Layout.issueCount.length)
        writer.write("J", at: TextBlock.cardTypeOffset, length: 2)
    }

    /// The birth date as `yyyyMMdd`, for the queue's elderly-priority rule only. Never log it.
    public var birthDateForAgeRule: String { birthDate.yyyyMMdd }

    /// The masked fields.
    public var description: String {
        "ResidencePermitIdentity(name: \(name), idNumber: \(idNumber), sex: \(sex), address: \(address), "
            + "passNumber: \(passNumber))"
    }

    /// ``description``.
    public var debugDescription: String { description }

    /// The masked fields only.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "name": name.masked, "idNumber": idNumber.masked, "sex": sex, "address": address.masked,
                "passNumber": passNumber.masked,
            ],
            displayStyle: .struct
        )
    }

    private enum CodingKeys: String, CodingKey {
        case name, idNumber, sex, address, issuingAuthority, passNumber
    }

    /// Encodes the masked name, numbers and places, and the sex.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(idNumber, forKey: .idNumber)
        try container.encode(sex, forKey: .sex)
        try container.encode(address, forKey: .address)
        try container.encode(issuingAuthority, forKey: .issuingAuthority)
        try container.encode(passNumber, forKey: .passNumber)
    }
}
