// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The identity read from any of the four card types a GA 467 reader returns.
///
/// Prints masked in every form (``description``, ``debugDescription``, `dump`, JSON). Use ``summary`` for
/// the menu, ``birthDateForAgeRule`` for the elderly rule, and each field's `revealed` only on purpose.
public enum CardIdentity: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Encodable
{
    /// 居民身份证.
    case resident(ResidentIdentity)
    /// 港澳台居民居住证 (type `J`).
    case residencePermit(ResidencePermitIdentity)
    /// 外国人永久居留身份证, 2017 format (type `I`).
    case foreignPermanentResident(ForeignerIdentity)
    /// 外国人永久居留身份证, 2023 format (type `Y`).
    case foreignPermanentResident2023(Foreigner2023Identity)

    /// The card type as a stable snake_case word: `resident`, `residence_permit`,
    /// `foreign_permanent_resident`, `foreign_permanent_resident_2023`.
    public var cardType: String {
        switch self {
        case .resident: "resident"
        case .residencePermit: "residence_permit"
        case .foreignPermanentResident: "foreign_permanent_resident"
        case .foreignPermanentResident2023: "foreign_permanent_resident_2023"
        }
    }

    /// The name a clerk calls the holder by: the Chinese name, or the English one when there is none.
    public var name: PersonName {
        switch self {
        case .resident(let identity): identity.name
        case .residencePermit(let identity): identity.name
        case .foreignPermanentResident(let identity):
            identity.chineseName.isEmpty ? identity.englishName : identity.chineseName
        case .foreignPermanentResident2023(let identity):
            identity.chineseName.isEmpty ? identity.englishName : identity.chineseName
        }
    }

    /// The card's number, masked, e.g. `3201**********1234`.
    public var maskedNumber: String {
        switch self {
        case .resident(let identity): identity.idNumber.masked
        case .residencePermit(let identity): identity.idNumber.masked
        case .foreignPermanentResident(let identity): identity.permitNumber.masked
        case .foreignPermanentResident2023(let identity): identity.idNumber.masked
        }
    }

    /// The card's number in clear: the key for the per-person daily limit (hash it before storing).
    /// Never log this, never print it, never send it unencrypted.
    public var revealedNumber: String {
        switch self {
        case .resident(let identity): identity.idNumber.revealed
        case .residencePermit(let identity): identity.idNumber.revealed
        case .foreignPermanentResident(let identity): identity.permitNumber.revealed
        case .foreignPermanentResident2023(let identity): identity.idNumber.revealed
        }
    }

    /// 性别.
    public var sex: Sex {
        switch self {
        case .resident(let identity): identity.sex
        case .residencePermit(let identity): identity.sex
        case .foreignPermanentResident(let identity): identity.sex
        case .foreignPermanentResident2023(let identity): identity.sex
        }
    }

    /// 出生日期. For the elderly rule use ``birthDateForAgeRule``; never log it.
    public var birthDate: CardDate {
        switch self {
        case .resident(let identity): identity.birthDate
        case .residencePermit(let identity): identity.birthDate
        case .foreignPermanentResident(let identity): identity.birthDate
        case .foreignPermanentResident2023(let identity): identity.birthDate
        }
    }

    /// 有效期限.
    public var validity: ValidityPeriod {
        switch self {
        case .resident(let identity): identity.validity
        case .residencePermit(let identity): identity.validity
        case .foreignPermanentResident(let identity): identity.validity
        case .foreignPermanentResident2023(let identity): identity.validity
        }
    }

    /// The birth date as `yyyyMMdd`, for the queue's elderly-priority rule only. Never log it.
    public var birthDateForAgeRule: String { birthDate.yyyyMMdd }

    /// The masked view for the menu's JSON.
    public var summary: IdentitySummary {
        IdentitySummary(
            cardType: cardType,
            maskedName: name.masked,
            maskedNumber: maskedNumber,
            sex: sex,
            birthDate: birthDate
        )
    }

    private var content: any CustomStringConvertible & Encodable {
        switch self {
        case .resident(let identity): identity
        case .residencePermit(let identity): identity
        case .foreignPermanentResident(let identity): identity
        case .foreignPermanentResident2023(let identity): identity
        }
    }

    /// The masked description of the card's identity.
    public var description: String { content.description }

    /// ``description``.
    public var debugDescription: String { description }

    /// The card type and the masked identity only.
    public var customMirror: Mirror {
        Mirror(self, children: ["cardType": cardType, "identity": content.description], displayStyle: .enum)
    }

    private enum CodingKeys: String, CodingKey {
        case cardType, identity
    }

    /// Encodes the card type and the identity's masked JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cardType, forKey: .cardType)
        try container.encode(content, forKey: .identity)
    }
}
