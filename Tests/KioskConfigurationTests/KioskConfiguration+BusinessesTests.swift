// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Queue
import Testing

struct KioskConfigurationBusinessesTests {
    @Test func lowercasePrefixIsRefusedWithLineAndKey() throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "prefix = \"a1\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .invalidValue)
        #expect(error.description == "kioskd.toml:12: business[2].prefix: expected 1–2 uppercase letters, found \"a1\"")
    }

    @Test func businessCodeMustBeLowercaseASCII() throws {
        let text = Fixture.replacing("code = \"medical-insurance\"", with: "code = \"Medical Insurance\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "business[2].code")
        #expect(error.line == 10)
        #expect(error.message.hasPrefix("expected 1–32 lowercase letters a–z, digits or `-`"))
    }

    @Test func duplicateBusinessCodeNamesTheFirstUse() throws {
        let text = Fixture.replacing("code = \"medical-insurance\"", with: "code = \"social-security\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .duplicate)
        #expect(error.key == "business[2].code")
        #expect(error.line == 10)
        #expect(error.message == "business code \"social-security\" is already used by business[1]")
    }

    @Test func duplicatePrefixNamesTheFirstUse() throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "prefix = \"A\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .duplicate)
        #expect(error.key == "business[2].prefix")
        #expect(error.line == 12)
        #expect(error.message == "ticket prefix \"A\" is already used by business[1] (social-security)")
    }

    @Test(arguments: [
        (
            "8:30-25:00",
            "expected periods like \"08:30-12:00,13:30-17:30\" (24-hour HH:MM-HH:MM, in order, up to 24:00), "
                + "found \"8:30-25:00\": \"8:30-25:00\" is not a period"
        ),
        (
            "08:30~12:00",
            "expected periods like \"08:30-12:00,13:30-17:30\" (24-hour HH:MM-HH:MM, in order, up to 24:00), "
                + "found \"08:30~12:00\": \"08:30~12:00\" is not a period"
        ),
        (
            "12:00-08:30",
            "expected periods like \"08:30-12:00,13:30-17:30\" (24-hour HH:MM-HH:MM, in order, up to 24:00), "
                + "found \"12:00-08:30\": \"12:00-08:30\" ends before it starts"
        ),
        (
            "08:30-12:00,11:00-17:00",
            "periods overlap or are out of order in \"08:30-12:00,11:00-17:00\": "
                + "\"11:00-17:00\" starts before \"08:30-12:00\" ends"
        ),
    ])
    func invalidHoursAreExplained(hours: String, message: String) throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "prefix = \"B\"\nhours = \"\(hours)\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .invalidValue)
        #expect(error.key == "business[2].hours")
        #expect(error.line == 13)
        #expect(error.message == message)
    }

    @Test func hoursUpToMidnightAreAccepted() throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "prefix = \"B\"\nhours = \"00:00-12:00, 13:00-24:00\"")
        let business = try KioskConfiguration.parse(text, source: "kioskd.toml").hall.businesses[1]
        #expect(business.openHours.description == "00:00-12:00,13:00-24:00")
    }

    @Test func capacityBeyondTheNumberWidthIsRefused() throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "prefix = \"B\"\nwidth = 2\ncapacity = 100")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "business[2].capacity")
        #expect(error.line == 14)
        #expect(
            error.message
                == "expected at most 99 (the largest 2-digit number), found 100; raise `width` or lower `capacity`")
    }

    @Test func widthOutsideTwoToFiveIsRefused() throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "prefix = \"B\"\nwidth = 6")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.message == "expected an integer from 2 to 5, found 6")
    }

    @Test func typicalServiceMinutesMustBePositive() throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "prefix = \"B\"\ntypical_service_minutes = 0")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "business[2].typical_service_minutes")
        #expect(error.message == "expected minutes > 0 and ≤ 480, found 0")
    }

    @Test func businessWrittenAsPlainTableIsRefused() throws {
        let text = Fixture.minimal.replacingOccurrences(of: "[[business]]", with: "[business]")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .wrongType)
        #expect(error.key == "business")
        #expect(error.message == "expected an array of tables ([[business]]), found a table")
    }

    @Test func atLeastOneBusinessIsRequired() throws {
        let text = "[hall]\nname = \"测试大厅\"\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .missingKey)
        #expect(error.key == "business")
        #expect(error.line == nil)
    }
}
