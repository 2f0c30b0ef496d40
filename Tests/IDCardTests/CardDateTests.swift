// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct CardDateTests {
    @Test func parsesAndPrintsYYYYMMDD() throws {
        let date = try CardDate(yyyyMMdd: "19491231")
        #expect((date.year, date.month, date.day) == (1949, 12, 31))
        #expect(date.yyyyMMdd == "19491231")
        #expect(date.description == "1949-12-31")
    }

    @Test(arguments: ["19490230", "19000229", "20231301", "2023010", "2023-1-1", "长期", "00000101"])
    func rejectsWhatIsNoRealDate(text: String) {
        #expect(throws: IDCardError(.invalidDate)) { try CardDate(yyyyMMdd: text) }
    }

    @Test func acceptsLeapDays() throws {
        #expect(try CardDate(yyyyMMdd: "20000229").day == 29)
        #expect(try CardDate(yyyyMMdd: "20240229").day == 29)
    }

    @Test func ordersByDay() throws {
        #expect(try CardDate(yyyyMMdd: "19991231") < CardDate(yyyyMMdd: "20000101"))
    }
}
