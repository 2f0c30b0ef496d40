// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct SexTests {
    @Test func codesFollowGBT2261() {
        #expect(Sex.allCases.map(\.code) == ["0", "1", "2", "9"])
        #expect(Sex.male.chineseName == "男" && Sex.female.chineseName == "女")
        #expect(Sex(rawValue: 3) == nil)
    }
}
