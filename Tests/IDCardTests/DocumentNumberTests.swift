// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct DocumentNumberTests {
    @Test(arguments: [("USA310085061502", "USA3*******1502"), ("H12345678", "H1*****78"), ("A123", "****")])
    func masksKeepingTheLength(number: String, masked: String) {
        #expect(DocumentNumber(number).masked == masked)
        #expect("\(DocumentNumber(number))" == masked)
        #expect(DocumentNumber(number).revealed == number)
    }
}
