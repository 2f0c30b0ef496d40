// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct IDCardErrorTests {
    @Test func errorsCompareByCodeOnly() {
        #expect(IDCardError(.badChecksum, "a") == IDCardError(.badChecksum, "b"))
        #expect(IDCardError(.badChecksum) != IDCardError(.impossibleLength))
    }

    @Test func descriptionHasCodeAndContextAndDebugAddsTheLocation() {
        let error = IDCardError(.impossibleLength, "length field 2")
        #expect(error.description == "impossible_length (length field 2)")
        #expect(String(reflecting: error).contains("IDCardErrorTests.swift"))
    }
}
