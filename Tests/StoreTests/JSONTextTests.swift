// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Testing

@testable import Store

struct JSONTextTests {
    @Test func objectsRoundTripThroughJSONDecoderWhateverTheCharacters() throws {
        let detail = ["reason": "严格优先：\"老年人\"\\优先\n已等\t5 分钟", "control": "\u{01}\u{1f}", "": "empty key"]
        let text = JSONText.object(detail)
        #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == detail)
        #expect(JSONText.object([:]) == "{}")
    }

    @Test func servedBusinessesRoundTrip() throws {
        let served = [ServedBusiness(business: "social", weight: 1), ServedBusiness(business: "h\"x", weight: 2.5)]
        let text = JSONText.servedBusinesses(served)
        #expect(try JSONDecoder().decode([ServedBusiness].self, from: Data(text.utf8)) == served)
    }
}
