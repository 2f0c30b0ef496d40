// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import IDCard
import Testing

struct IdentitySummaryTests {
    @Test func menuJSONHasMaskedNameAndNumberSexAndBirthYearOnly() throws {
        let summary = try TextBlock.decode(Fixtures.residentBlock).summary
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(summary), as: UTF8.self)
        #expect(json == #"{"birthYear":1955,"cardType":"resident","name":"张**","number":"3201**********1230","sex":"male"}"#)
    }

    @Test func birthDateIsOnlyInTheAgeRuleAccessor() throws {
        let summary = try TextBlock.decode(Fixtures.residentBlock).summary
        #expect(summary.birthDateForAgeRule == "19550312")
        var dumped = ""
        dump(summary, to: &dumped)
        for text in [String(describing: summary), String(reflecting: summary), dumped] {
            #expect(!text.contains("0312") && !text.contains("03-12"))
        }
    }
}
