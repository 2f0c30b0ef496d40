// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

@testable import Central
import Testing

/// The field checks of pushed operations, which read bytes and must judge as a character-by-character check.
struct CaptureCheckTests {
    @Test func idNumbersNeedTheirGB11643CheckCharacterInEitherCase() {
        // The standard's own example, then the same with its check character lower-cased, then a wrong one.
        #expect(CaptureCheck.isIDNumber("11010519491231002X"))
        #expect(CaptureCheck.isIDNumber("11010519491231002x"))
        #expect(!CaptureCheck.isIDNumber("110105194912310021"))
        #expect(!CaptureCheck.isIDNumber("11010519491231002"))
        #expect(!CaptureCheck.isIDNumber("１1010519491231002X"))
    }

    @Test func phoneNumbersAreMobilesOrLandlinesWithAreaCode() {
        #expect(CaptureCheck.isPhoneNumber("13800138000"))
        #expect(!CaptureCheck.isPhoneNumber("138-0013-8000"))
        #expect(CaptureCheck.isPhoneNumber("025-84201234"))
        #expect(!CaptureCheck.isPhoneNumber("12345"))
        #expect(!CaptureCheck.isPhoneNumber("１3800138000"))
    }

    @Test func daysAreYearMonthDayInDigits() {
        #expect(CaptureCheck.isDay("2026-12-08"))
        #expect(!CaptureCheck.isDay("2026-13-08"))
        #expect(!CaptureCheck.isDay("2026-12-00"))
        #expect(!CaptureCheck.isDay("2026/12/08"))
        #expect(!CaptureCheck.isDay("２026-12-08"))
    }

    @Test func caseIDsAreLowercaseUUIDs() {
        let capture = TestKiosk.capture(id: "3f2b8c1e-9d4a-4e7b-8a61-0c5d2e9f7b34")
        #expect(CaptureCheck.problem(with: capture) == nil)
        #expect(CaptureCheck.problem(with: TestKiosk.capture(id: "3F2B8C1E-9D4A-4E7B-8A61-0C5D2E9F7B34")) == "办件标识无效")
        #expect(CaptureCheck.problem(with: TestKiosk.capture(id: "3f2b8c1e9d4a-4e7b-8a61-0c5d2e9f7b34-")) == "办件标识无效")
        #expect(CaptureCheck.problem(with: TestKiosk.capture(id: "ａf2b8c1e-9d4a-4e7b-8a61-0c5d2e9f7b3")) == "办件标识无效")
    }
}
