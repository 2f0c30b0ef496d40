// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct PersonNameTests {
    @Test(arguments: [
        ("张三", "张*"), ("欧阳娜娜", "欧***"), ("JOHN SMITH", "J*** S****"), ("Li", "L*"), ("", ""),
        ("买买提·艾力", "买*****"),
    ])
    func masksAllButTheFirstCharacterOfEachWord(name: String, masked: String) {
        let person = PersonName(name)
        #expect(person.masked == masked)
        #expect("\(person)" == masked)
        #expect(String(reflecting: person) == masked)
        #expect(person.revealed == name)
    }
}
