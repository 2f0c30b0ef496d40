// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

/// The blocks are CONSTRUCTED from the notes' layouts (see ``Fixtures``); no verbatim block is published.
struct TextBlockTests {
    @Test func residentCardDecodesEveryField() throws {
        guard case .resident(let identity) = try TextBlock.decode(Fixtures.residentBlock) else {
            Issue.record("not a resident card")
            return
        }
        #expect(identity.name.revealed == Fixtures.residentName)
        #expect(identity.sex == .male)
        #expect(identity.ethnicity == .han)
        #expect(identity.birthDate == (try CardDate(year: 1955, month: 3, day: 12)))
        #expect(identity.address.revealed == "江苏省南京市玄武区中山路100号")
        #expect(identity.idNumber.revealed == Fixtures.residentNumber)
        #expect(identity.issuingAuthority.revealed == "南京市公安局玄武分局")
        #expect(identity.validity == ValidityPeriod(start: try CardDate(yyyyMMdd: "20150601"), end: .longTerm))
        #expect(identity.birthDateForAgeRule == "19550312")
    }

    @Test func residencePermitJDecodesEveryField() throws {
        guard case .residencePermit(let identity) = try TextBlock.decode(Fixtures.permitBlock) else {
            Issue.record("not a 'J' card")
            return
        }
        #expect(identity.name.revealed == Fixtures.permitName)
        #expect(identity.sex == .male)
        #expect(identity.birthDate.yyyyMMdd == "19800101")
        #expect(identity.address.revealed == "广东省深圳市福田区福华路1号")
        #expect(identity.idNumber.revealed == Fixtures.permitNumber)
        #expect(identity.issuingAuthority.revealed == "深圳市公安局福田分局")
        #expect(identity.validity.end == .date(try CardDate(yyyyMMdd: "20250110")))
        #expect(identity.passNumber.revealed == Fixtures.passNumber)
        #expect(identity.issueCount == 2)
    }

    @Test func foreignerIDecodesEveryField() throws {
        guard case .foreignPermanentResident(let identity) = try TextBlock.decode(Fixtures.foreignerBlock) else {
            Issue.record("not an 'I' card")
            return
        }
        #expect(identity.englishName.revealed == Fixtures.foreignerEnglishName)
        #expect(identity.sex == .male)
        #expect(identity.permitNumber.revealed == Fixtures.foreignerPermit)
        #expect(identity.nationality == "USA")
        #expect(identity.chineseName.revealed == Fixtures.foreignerChineseName)
        #expect(identity.validity.start.yyyyMMdd == "20180301")
        #expect(identity.validity.end == .date(try CardDate(yyyyMMdd: "20280301")))
        #expect(identity.birthDate.yyyyMMdd == "19700815")
        #expect(identity.cardVersion == "10")
        #expect(identity.authorityCode == "3100")
    }

    @Test func foreigner2023YDecodesEveryFieldAndJoinsTheSplitEnglishName() throws {
        guard case .foreignPermanentResident2023(let identity) = try TextBlock.decode(Fixtures.foreigner2023Block)
        else {
            Issue.record("not a 'Y' card")
            return
        }
        #expect(identity.chineseName.revealed == Fixtures.foreigner2023ChineseName)
        #expect(identity.sex == .female)
        #expect(identity.renewalCount == 0)
        #expect(identity.birthDate.yyyyMMdd == "19850615")
        #expect(identity.englishName.revealed == Fixtures.foreigner2023EnglishName)
        #expect(identity.idNumber.revealed == Fixtures.foreigner2023Number)
        #expect(identity.validity.start.yyyyMMdd == "20231201")
        #expect(identity.nationality == "156")
        #expect(identity.previousNumberLink == "001")
    }

    @Test(arguments: [Fixtures.residentBlock, Fixtures.permitBlock, Fixtures.foreignerBlock, Fixtures.foreigner2023Block])
    func encodingGivesBackTheConstructedBlock(block: [UInt8]) throws {
        #expect(TextBlock.encode(try TextBlock.decode(block)) == block)
    }

    @Test func aBadCheckDigitIsAnErrorNotAPartialIdentity() {
        var block = Fixtures.residentBlock
        block[122 + 34] = UInt8(ascii: "1")  // last character 0 → 1
        #expect(throws: IDCardError(.badCheckDigit)) { try TextBlock.decode(block) }
    }

    @Test func theCardTypeCharacterMustBeKnown() {
        var block = Fixtures.residentBlock
        block[248] = UInt8(ascii: "Z")
        #expect(throws: IDCardError(.unknownCardType)) { try TextBlock.decode(block) }
    }

    @Test func aBlockOfAnotherSizeIsInconsistent() {
        #expect(throws: IDCardError(.inconsistentPayload)) { try TextBlock.decode(Fixtures.residentBlock.dropLast()) }
    }

    @Test func badFieldsAreTypedErrors() {
        var noName = Fixtures.residentBlock
        for index in stride(from: 0, to: 30, by: 2) { (noName[index], noName[index + 1]) = (0x20, 0) }
        #expect(throws: IDCardError(.missingField)) { try TextBlock.decode(noName) }

        var badEthnicity = Fixtures.residentBlock
        (badEthnicity[32], badEthnicity[34]) = (UInt8(ascii: "6"), UInt8(ascii: "0"))
        #expect(throws: IDCardError(.invalidField)) { try TextBlock.decode(badEthnicity) }

        var badSex = Fixtures.residentBlock
        badSex[30] = UInt8(ascii: "M")
        #expect(throws: IDCardError(.invalidField)) { try TextBlock.decode(badSex) }

        // Found by FuzzTextDecoder: a CJK numeral (万 = 10000) in the sex field trapped instead of throwing.
        var wideNumeral = Fixtures.foreignerBlock
        (wideNumeral[120], wideNumeral[121]) = (0x07, 0x4E)
        #expect(throws: IDCardError(.invalidField)) { try TextBlock.decode(wideNumeral) }

        var badDate = Fixtures.residentBlock
        badDate[36 + 8] = UInt8(ascii: "9")  // month 93
        #expect(throws: IDCardError(.invalidDate)) { try TextBlock.decode(badDate) }

        var loneSurrogate = Fixtures.residentBlock
        (loneSurrogate[2], loneSurrogate[3]) = (0x00, 0xD8)
        #expect(throws: IDCardError(.invalidText)) { try TextBlock.decode(loneSurrogate) }
    }

    @Test func fieldErrorsNameTheFieldButNotItsValue() {
        var block = Fixtures.residentBlock
        block[122 + 34] = UInt8(ascii: "1")
        do {
            _ = try TextBlock.decode(block)
        } catch {
            #expect(error.description.contains("ID number at byte 122"))
            #expect(!String(reflecting: error).contains("320102"))
        }
    }
}
