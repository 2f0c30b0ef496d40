// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What the menu may show of a card holder: masked name and number, sex and birth year.
///
/// Its JSON is `{"cardType":…,"name":"张*","number":"3201**********1234","sex":"male","birthYear":1949}`.
/// The full birth date is kept for the queue's elderly rule (``birthDateForAgeRule``) but never encoded
/// or printed.
public struct IdentitySummary: Sendable, Hashable, CustomStringConvertible, CustomReflectable, Encodable {
    /// The card type, as ``CardIdentity/cardType``.
    public let cardType: String
    /// The masked name, e.g. `张*`.
    public let maskedName: String
    /// The masked number, e.g. `3201**********1234`.
    public let maskedNumber: String
    /// 性别.
    public let sex: Sex
    private let birthDate: CardDate

    /// Creates a summary.
    /// - Parameters:
    ///   - cardType: The card type word.
    ///   - maskedName: The masked name.
    ///   - maskedNumber: The masked number.
    ///   - sex: 性别.
    ///   - birthDate: 出生日期; only its year is shown.
    public init(cardType: String, maskedName: String, maskedNumber: String, sex: Sex, birthDate: CardDate) {
        self.cardType = cardType
        self.maskedName = maskedName
        self.maskedNumber = maskedNumber
        self.sex = sex
        self.birthDate = birthDate
    }

    /// The birth year.
    public var birthYear: Int { birthDate.year }

    /// The birth date as `yyyyMMdd`, for the queue's elderly-priority rule only. Never log it.
    public var birthDateForAgeRule: String { birthDate.yyyyMMdd }

    /// The masked fields and the birth year.
    public var description: String {
        "IdentitySummary(\(cardType), name: \(maskedName), number: \(maskedNumber), sex: \(sex), birthYear: \(birthYear))"
    }

    /// The masked fields and the birth year only.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "cardType": cardType, "maskedName": maskedName, "maskedNumber": maskedNumber, "sex": sex,
                "birthYear": birthYear,
            ],
            displayStyle: .struct
        )
    }

    private enum CodingKeys: String, CodingKey {
        case cardType, name, number, sex, birthYear
    }

    /// Encodes the masked fields and the birth year.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cardType, forKey: .cardType)
        try container.encode(maskedName, forKey: .name)
        try container.encode(maskedNumber, forKey: .number)
        try container.encode(sex, forKey: .sex)
        try container.encode(birthYear, forKey: .birthYear)
    }
}
