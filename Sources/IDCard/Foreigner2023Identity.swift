// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The holder of a 外国人永久居留身份证 in its 2023 format (type `Y`).
///
/// Layout from the research notes §3.7 (one source only). The 18-digit number starts with 9 and carries an
/// ISO 7064 MOD 11-2 check character like a resident's (国家移民管理局 machine-readable rules, 2023), so it
/// is an ``IDNumber``. The English name is split: characters 1–35 at byte 52, 36–46 at byte 220.
/// Prints masked like ``ResidentIdentity``.
public struct Foreigner2023Identity: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Encodable
{
    /// 中文姓名; empty when the holder has none.
    public let chineseName: PersonName
    /// 性别.
    public let sex: Sex
    /// 换证次数: how many times the card was renewed; nil when blank.
    public let renewalCount: Int?
    /// 出生日期. For the elderly rule use ``birthDateForAgeRule``; never log it.
    public let birthDate: CardDate
    /// 英文姓名 (up to 46 characters).
    public let englishName: PersonName
    /// 身份证号: 18 characters, first digit 9.
    public let idNumber: IDNumber
    /// 签发日期 and 有效日期.
    public let validity: ValidityPeriod
    /// 所属国家和地区代码 (3 characters).
    public let nationality: String
    /// 既往版本外国人永久居住证件号码关联项 (3 characters), linking to the 15-character number of an old card.
    public let previousNumberLink: String

    /// Creates an identity, e.g. for a fixture.
    /// - Parameters:
    ///   - chineseName: 中文姓名, possibly empty.
    ///   - sex: 性别.
    ///   - renewalCount: 换证次数 (0–99).
    ///   - birthDate: 出生日期.
    ///   - englishName: 英文姓名, up to 46 characters.
    ///   - idNumber: 身份证号.
    ///   - validity: 签发日期 and 有效日期.
    ///   - nationality: 所属国家和地区代码.
    ///   - previousNumberLink: 既往版本证件号码关联项.
    public init(
        chineseName: PersonName,
        sex: Sex,
        renewalCount: Int?,
        birthDate: CardDate,
        englishName: PersonName,
        idNumber: IDNumber,
        validity: ValidityPeriod,
        nationality: String,
        previousNumberLink: String
    ) {
        self.chineseName = chineseName
        self.sex = sex
        self.renewalCount = renewalCount
        self.birthDate = birthDate
        self.englishName = englishName
        self.idNumber = idNumber
        self.validity = validity
        self.nationality = nationality
        self.previousNumberLink = previousNumberLink
    }

    /// Byte offsets and lengths (research notes §3.7).
    enum Layout {
        static let chineseName = (offset: 0, length: 30)
        static let sex = 30
        static let renewalCount = (offset: 32, length: 4)
        static let birthDate = 36
        static let englishNameStart = (offset: 52, length: 70)
        static let idNumber = 122
        static let validFrom = 188
        static let validTo = 204
        static let englishNameEnd = (offset: 220, length: 22)
        static let nationality = (offset: 242, length: 6)
        static let previousNumberLink = (offset: 250, length: 6)
    }

    init(_ reader: TextBlock.Reader) throws(IDCardError) {
        chineseName = PersonName(try reader.text("Chinese name", Layout.chineseName.offset, Layout.chineseName.length))
        sex = try reader.sex(at: Layout.sex)
        renewalCount = try reader.count("renewal count", Layout.renewalCount.offset, Layout.renewalCount.length)
        birthDate = try reader.date("birth date", Layout.birthDate)
        let start = Layout.englishNameStart, end = Layout.englishNameEnd
        let english = try TextBlock.string(
            in: ArraySlice(
                reader.bytes[start.offset..<(start.offset + start.length)]
                    + reader.bytes[end.offset..<(end.offset + end.length)]
            ),
            field: "English name at bytes \(start.offset) and \(end.offset)"
        )
        guard !english.isEmpty else { throw IDCardError(.missingField, "English name at byte \(start.offset)") }
        englishName = PersonName(english)
        idNumber = try reader.idNumber("ID number", Layout.idNumber)
        validity = try reader.validity(startAt: Layout.validFrom, endAt: Layout.validTo)
        nationality = try reader.text("nationality", Layout.nationality.offset, Layout.nationality.length)
        previousNumberLink = try reader.text(
            "previous number link",
            Layout.previousNumberLink.offset,
            Layout.previousNumberLink.length
        )
    }

    func write(to writer: inout TextBlock.Writer) {
        writer.write(chineseName.revealed, at: Layout.chineseName.offset, length: Layout.chineseName.length)
        writer.write(sex.code, at: Layout.sex, length: 2)
        writer.write(renewalCount, at: Layout.renewalCount.offset, length: Layout.renewalCount.length)
        writer.write(birthDate.yyyyMMdd, at: Layout.birthDate, length: 16)
        // Written as UTF-16 units: a surrogate pair may straddle the two slots and must survive.
        let units = Array(englishName.revealed.utf16)
        let split = Layout.englishNameStart.length / 2
        writer.write(units: units.prefix(split), at: Layout.englishNameStart.offset, length: Layout.englishNameStart.length)
        writer.write(units: units.dropFirst(split), at: Layout.englishNameEnd.offset, length: Layout.englishNameEnd.length)
        writer.write(idNumber.revealed, at: Layout.idNumber, length: 36)
        writer.write(validity.start.yyyyMMdd, at: Layout.validFrom, length: 16)
        writer.write(validity.end.cardText, at: Layout.validTo, length: 16)
        writer.write(nationality, at: Layout.nationality.offset, length: Layout.nationality.length)
        writer.write("Y", at: TextBlock.cardTypeOffset, length: 2)
        writer.write(
            previousNumberLink,
            at: Layout.previousNumberLink.offset,
            length: Layout.previousNumberLink.length
        )
    }

    /// The birth date as `yyyyMMdd`, for the queue's elderly-priority rule only. Never log it.
    public var birthDateForAgeRule: String { birthDate.yyyyMMdd }

    /// The masked fields.
    public var description: String {
        "Foreigner2023Identity(englishName: \(englishName), chineseName: \(chineseName), "
            + "idNumber: \(idNumber), sex: \(sex))"
    }

    /// ``description``.
    public var debugDescription: String { description }

    /// The masked fields only.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "englishName": englishName.masked, "chineseName": chineseName.masked,
                "idNumber": idNumber.masked, "sex": sex,
            ],
            displayStyle: .struct
        )
    }

    private enum CodingKeys: String, CodingKey {
        case englishName, chineseName, idNumber, sex
    }

    /// Encodes the masked names and number, and the sex.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(englishName, forKey: .englishName)
        try container.encode(chineseName, forKey: .chineseName)
        try container.encode(idNumber, forKey: .idNumber)
        try container.encode(sex, forKey: .sex)
    }
}
