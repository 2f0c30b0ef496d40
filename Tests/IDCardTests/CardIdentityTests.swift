// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import IDCard
import Testing

struct CardIdentityTests {
    /// Every way a value reaches a log line or the menu's JSON.
    static func printedForms(of value: some Encodable) throws -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [
            String(describing: value), String(reflecting: value), "\(value)", dumped,
            String(decoding: try encoder.encode(value), as: UTF8.self),
        ]
    }

    static func expectNoSecrets(in value: some Encodable) throws {
        for text in try printedForms(of: value) {
            for secret in Fixtures.secrets {
                #expect(!text.contains(secret), "\(secret.prefix(1))… leaked in \(text)")
            }
            // A clear ID number split into its JSON-escaped or spaced forms would still show 8+ digits in a row.
            #expect(text.range(of: "[0-9]{9,}", options: .regularExpression) == nil, "digits leaked in \(text)")
        }
    }

    @Test(arguments: 0..<4)
    func noIdentityTypePrintsAClearNameOrNumber(index: Int) throws {
        let identity = try Fixtures.identities()[index]
        try Self.expectNoSecrets(in: identity)
        try Self.expectNoSecrets(in: identity.summary)
        switch identity {
        case .resident(let resident): try Self.expectNoSecrets(in: resident)
        case .residencePermit(let permit): try Self.expectNoSecrets(in: permit)
        case .foreignPermanentResident(let foreigner): try Self.expectNoSecrets(in: foreigner)
        case .foreignPermanentResident2023(let foreigner): try Self.expectNoSecrets(in: foreigner)
        }
    }

    @Test func theMaskedFormsAreThere() throws {
        let identities = try Fixtures.identities()
        let described = identities.map(\.description)
        #expect(described[0].contains("3201**********1230") && described[0].contains("张**"))
        #expect(described[0].contains("江苏省南京市***"))
        #expect(described[1].contains("8100**********0014") && described[1].contains("H1*****78"))
        #expect(described[2].contains("J*** S****") && described[2].contains("USA3*******1502"))
        #expect(described[3].contains("9101**********0021") && described[3].contains("蒙***"))
    }

    @Test func sharedAccessorsReachEveryCardType() throws {
        let identities = try Fixtures.identities()
        #expect(identities.map(\.cardType) == [
            "resident", "residence_permit", "foreign_permanent_resident", "foreign_permanent_resident_2023",
        ])
        #expect(identities.map(\.name.revealed) == [
            Fixtures.residentName, Fixtures.permitName, Fixtures.foreignerChineseName, Fixtures.foreigner2023ChineseName,
        ])
        #expect(identities.map(\.revealedNumber) == [
            Fixtures.residentNumber, Fixtures.permitNumber, Fixtures.foreignerPermit, Fixtures.foreigner2023Number,
        ])
        #expect(identities.map(\.birthDateForAgeRule) == ["19550312", "19800101", "19700815", "19850615"])
        #expect(identities.map(\.sex) == [.male, .male, .male, .female])
    }
}
