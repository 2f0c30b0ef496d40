// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct SAMIDTests {
    @Test func keepsTheSixteenBytesAndPrintsThemAsHex() throws {
        let id = try SAMID(data: Array(0..<16))
        #expect(id.hexString == "000102030405060708090a0b0c0d0e0f")
        #expect(throws: IDCardError(.inconsistentPayload)) { try SAMID(data: [UInt8](repeating: 0, count: 15)) }
    }
}
