// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct ValidityPeriodTests {
    @Test func longTermHasNoEnd() throws {
        let period = ValidityPeriod(start: try CardDate(yyyyMMdd: "20150601"), end: .longTerm)
        #expect(period.contains(try CardDate(yyyyMMdd: "29991231")))
        #expect(!period.contains(try CardDate(yyyyMMdd: "20150531")))
        #expect(period.end.cardText == "长期")
    }

    @Test func aDatedPeriodIncludesItsLastDay() throws {
        let period = ValidityPeriod(start: try CardDate(yyyyMMdd: "20200110"), end: .date(try CardDate(yyyyMMdd: "20250110")))
        #expect(period.contains(try CardDate(yyyyMMdd: "20250110")))
        #expect(!period.contains(try CardDate(yyyyMMdd: "20250111")))
    }
}
