// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct EthnicityTests {
    @Test func theTableHas56GroupsPlusOtherAndForeignOrigin() {
        #expect(Ethnicity.allCases.count == 58)
        #expect(Set(Ethnicity.allCases.map(\.chineseName)).count == 58)
        #expect(Ethnicity.other.code == "97" && Ethnicity.other.chineseName == "其他")
        #expect(Ethnicity.foreignOrigin.chineseName == "外国血统中国籍人士")
    }

    @Test func codesMatchTheNotes() {
        #expect(Ethnicity.han.code == "01" && Ethnicity.han.chineseName == "汉")
        #expect(Ethnicity(rawValue: 46)?.chineseName == "德昂")
        #expect(Ethnicity(rawValue: 29)?.chineseName == "柯尔克孜")
        #expect(Ethnicity(rawValue: 56)?.chineseName == "基诺")
    }

    @Test(arguments: [0, 57, 96, 99] as [UInt8])
    func codesOutsideTheTableAreRejected(code: UInt8) {
        #expect(Ethnicity(rawValue: code) == nil)
    }
}
