// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The holder of a 外国人永久居留身份证 in its 2017 format (type `I`).
///
/// Layout from the research notes §3.6. The permit number is 15 characters (3 letters and 12 digits)
/// with no published check character, so only its presence is checked. Prints masked like
/// ``ResidentIdentity``.
public struct ForeignerIdentity: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Encodable
{
    /// 英文姓名 (up to 60 characters).
    public let englishName: PersonName
    /// 性别.
    public let sex: Sex
    /// 永久居留证号码 (15 characters).
    public let permitNumber: DocumentNumber
    /// 国籍或所在地区代码: three letters (ISO 3166-1 alpha-3 presumably).
    public let nationality: String
    /// 中文姓名; empty when the holder has none.
    public let chineseName: PersonName
    /// 证件签发日期 and 证件终止日期.
    public let validity: ValidityPeriod
    /// 出生日期. For the elderly rule use ``birthDateForAgeRule``; never log it.
    public let birthDate: CardDate
    /// 证件版本号 (2 characters).
    public let cardVersion: String
    /// 当次申请受理机关代码 (4 characters).
    public let authorityCode: String

    /// Creates an identity, e.g. for a fixture.
    /// - Parameters:
    ///   - englishName: 英文姓名.
    ///   - sex: 性别.
    ///   - permitNumber: 永久居留证号码.
    ///   - nationality: 国籍或所在地区代码.
    ///   - chineseName: 中文姓名, possibly empty.
    ///   - validity: 证件签发日期 and 证件终止日期.
    ///   - birthDate: 出生日期.
    ///   - cardVersion: 证件版本号.
    ///   - authorityCode: 当次申请受理机关代码.
    public init(
        englishName: PersonName,
        sex: Sex,
        permitNumber: DocumentNumber,
        nationality: String,
        chineseName: PersonName,
        validity: ValidityPeriod,
        birthDate: CardDate,
        cardVersion: String,
        authorityCode: String
    ) {
        self.englishName = englishName
        self.sex = sex
        self.permitNumber = permitNumber
        self.nationality = nationality
        self.chineseName = chineseName
        self.validity = validity
        self.birthDate = birthDate
        self.cardVersion = cardVersion
        self.authorityCode = authorityCode
    }

    /// Byte offsets and lengths (research notes §3.6).
    enum Layout {
        static let englishName = (offset: 0, length: 120)
        static let sex = 120
        static let permitNumber = (offset: 122, length: 30)
        static let nationality = (offset: 152, length: 6)
        static let chineseName = (offset: 158, length: 30)
        static let validFrom = 188
        static let validTo = 204
        static let birthDate = 220
        static let cardVersion = (offset: 236, length: 4)
        static let authorityCode = (offset: 240, length: 8)
    }

    init(_ reader: TextBlock.Reader) throws(IDCardError) {
        englishName = PersonName(
            try reader.required("English name", Layout.englishName.offset, Layout.englishName.length)
        )
        sex = try reader.sex(at: Layout.sex)
        permitNumber = DocumentNumber(
            try reader.required("permit number", Layout.permitNumber.offset, Layout.permitNumber.length)
        )
        nationality = try reader.text("nationality", Layout.nationality.offset, Layout.nationality.length)
        chineseName = PersonName(
            try reader.text("Chinese name", Layout.chineseName.offset, Layout.chineseName.length)
        )
        validity = try reader.validity(startAt: Layout.validFrom, endAt: Layout.validTo)
        birthDate = try reader.date("birth date", Layout.birthDate)
        cardVersion = try reader.text("card version", Layout.cardVersion.offset, Layout.cardVersion.length)
        authorityCode = try reader.text("authority code", Layout.authorityCode.offset, Layout.authorityCode.length)
    }

    func write(to writer: inout TextBlock.Writer) {
        writer.write(englishName.revealed, at: Layout.englishName.offset, length: Layout.englishName.length)
        writer.write(sex.code, at: Layout.sex, length: 2)
        writer.write(permitNumber.revealed, at: Layout.permitNumber.offset, length: Layout.permitNumber.length)
        writer.write(nationality, at: Layout.nationality.offset, length: Layout.nationality.length)
        writer.write(chineseName.revealed, at: Layout.chineseName.offset, length: Layout.chineseName.length)
        writer.write(validity.start.yyyyMMdd, at: Layout.validFrom, length: 16)
        writer.write(validity.end.cardText, at: Layout.validTo, length: 16)
        writer.write(birthDate.yyyyMMdd, at: Layout.birthDate, length: 16)
        writer.write(cardVersion, at: Layout.cardVersion.offset, length: Layout.cardVersion.length)
        writer.write(authorityCode, at: Layout.authorityCode.offset, length: Layout.authorityCode.length)
        writer.write("I", at: TextBlock.cardTypeOffset, length: 2)
    }

    /// The birth date as `yyyyMMdd`, for the queue's elderly-priority rule only. Never log it.
    public var birthDateForAgeRule: String { birthDate.yyyyMMdd }

    /// The masked fields.
    public var description: String {
        "ForeignerIdentity(englishName: \(englishName), chineseName: \(chineseName), "
            + "permitNumber: \(permitNumber), sex: \(sex))"
    }

    /// ``description``.
    public var debugDescription: String { description }

    /// The masked fields only.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "englishName": englishName.masked, "chineseName": chineseName.masked,
                "permitNumber": permitNumber.masked, "sex": sex,
            ],
            displayStyle: .struct
        )
    }

    private enum CodingKeys: String, CodingKey {
        case englishName, chineseName, permitNumber, sex
    }

    /// Encodes the masked names and number, and the sex.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(englishName, forKey: .englishName)
        try container.encode(chineseName, forKey: .chineseName)
        try container.encode(permitNumber, forKey: .permitNumber)
        try container.encode(sex, forKey: .sex)
    }
}
