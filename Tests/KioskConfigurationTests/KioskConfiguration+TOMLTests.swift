// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Testing

struct KioskConfigurationTOMLTests {
    @Test func syntaxErrorGivesTOMLKitLineAndColumn() throws {
        let text = "[hall]\nname = \"测试大厅\"\ntime_zone = \"Asia/Shanghai\nnightly_reset = true\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .syntax)
        #expect(error.file == "kioskd.toml")
        #expect(error.line == 3)
        #expect(error.key == nil)
        #expect(error.message.hasPrefix("TOML syntax error at column "))
        #expect(error.description.hasPrefix("kioskd.toml:3: TOML syntax error at column "))
    }

    @Test func misspelledKeySuggestsTheNearestKey() throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "prefix = \"B\"\ncapcity = 300")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .unknownKey)
        #expect(error.key == "business[2].capcity")
        #expect(error.line == Fixture.line(of: "capcity", in: text))
        #expect(error.message == "unknown key; did you mean `capacity`?")
        #expect(
            error.description
                == "kioskd.toml:\(error.line ?? 0): business[2].capcity: unknown key; did you mean `capacity`?")
    }

    @Test func unknownKeyWithoutNearMatchListsTheKnownKeys() throws {
        let text = Fixture.replacing("name = \"测试大厅\"", with: "name = \"测试大厅\"\ncolour = \"red\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "hall.colour")
        #expect(error.line == 3)
        #expect(error.message == "unknown key; expected one of `name`, `time_zone`, `nightly_reset`, `ticket_url`")
    }

    @Test func unknownTopLevelTableIsRefused() throws {
        let text = Fixture.twoOfEach + "\n\n[alarms]\nwaiting_count = [1, 2, 3, 4]\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "alarms")
        #expect(error.line == Fixture.line(of: "[alarms]", in: text))
        #expect(error.message == "unknown key; did you mean `alarm`?")
    }

    @Test func misspelledKeyIgnoringCaseAndUnderscoresIsSuggested() throws {
        let text = Fixture.replacing("name = \"测试大厅\"", with: "name = \"测试大厅\"\nTimeZone = \"Asia/Shanghai\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.message == "unknown key; did you mean `time_zone`?")
    }

    @Test func firstUnknownKeyInTheFileIsReported() throws {
        let text = Fixture.replacing("prefix = \"A\"", with: "prefix = \"A\"\nzzz = 1\naaa = 2")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "business[1].zzz")
    }

    @Test func wrongTypeSaysWhatWasExpectedAndFound() throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "prefix = \"B\"\nwidth = \"4\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .wrongType)
        #expect(error.key == "business[2].width")
        #expect(error.line == Fixture.line(of: "width", in: text))
        #expect(error.message == "expected an integer, found \"4\"")
    }

    @Test func wrongTypeOfBooleanNamesTheValue() throws {
        let text = Fixture.replacing("name = \"测试大厅\"", with: "name = \"测试大厅\"\nnightly_reset = \"yes\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.description == "kioskd.toml:3: hall.nightly_reset: expected true or false, found \"yes\"")
    }

    @Test func missingRequiredKeyPointsAtItsSection() throws {
        let text = Fixture.replacing("prefix = \"B\"", with: "")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .missingKey)
        #expect(error.key == "business[2].prefix")
        #expect(error.line == Fixture.line(of: "[[business]]", in: text, occurrence: 2))
        #expect(error.message == "missing required key `prefix` (expected 1–2 uppercase letters)")
    }

    @Test func missingHallTableIsAnError() throws {
        let text = Fixture.replacing("[hall]", with: "").replacingOccurrences(of: "name = \"测试大厅\"\n", with: "")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .missingKey)
        #expect(error.key == "hall")
        #expect(error.description == "kioskd.toml: hall: missing required table [hall] (with at least `name = \"…\"`)")
    }

    @Test func emptyHallNameIsRefused() throws {
        let text = Fixture.replacing("name = \"测试大厅\"", with: "name = \" \"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "hall.name")
        #expect(error.message == "expected a non-empty string, found \"\"")
    }

    @Test func unknownTimeZoneIsRefused() throws {
        let text = Fixture.replacing("name = \"测试大厅\"", with: "name = \"测试大厅\"\ntime_zone = \"Asia/Shangai\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .invalidValue)
        #expect(
            error.description == "kioskd.toml:3: hall.time_zone: expected an IANA time zone such as "
                + "\"Asia/Shanghai\" or \"Asia/Urumqi\", found \"Asia/Shangai\"")
    }

    @Test func ambiguousTimeZoneAbbreviationIsRefused() throws {
        let text = Fixture.replacing("name = \"测试大厅\"", with: "name = \"测试大厅\"\ntime_zone = \"CST\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "hall.time_zone")
        #expect(error.message.contains("ambiguous"))
    }

    @Test func errorInDottedRootKeyFindsItsLine() throws {
        let text = "title = 1\nhall.name = \"测试大厅\"\nhall.time_zone = \"Mars/Base\"\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "title")
        #expect(error.line == 1)
        let second = try #require(Fixture.error(parsing: String(text.dropFirst("title = 1\n".count))))
        #expect(second.key == "hall.time_zone")
        #expect(second.line == 2)
    }

    @Test func ticketURLMustContainTheNumberPlaceholder() throws {
        let text = Fixture.replacing(
            "name = \"测试大厅\"", with: "name = \"测试大厅\"\nticket_url = \"http://hall.example/t/\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "hall.ticket_url")
        #expect(error.line == 3)
        #expect(error.message.contains("containing `{number}`"))
    }

    @Test func invalidListenAddressIsRefused() throws {
        let text = Fixture.twoOfEach + "\n[server]\nlisten = \"localhost\"\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "server.listen")
        #expect(error.line == Fixture.line(of: "listen", in: text))
        #expect(error.message.hasSuffix("(port 1–65535), found \"localhost\""))
    }

    @Test func portZeroIsRefusedInTheFile() throws {
        let error = try #require(Fixture.error(parsing: Fixture.twoOfEach + "\n[server]\nlisten = \"0.0.0.0:0\"\n"))
        #expect(error.key == "server.listen")
    }

    @Test func emptyStorePathIsRefused() throws {
        let error = try #require(Fixture.error(parsing: Fixture.twoOfEach + "\n[store]\npath = \"\"\n"))
        #expect(error.key == "store.path")
    }

    @Test func missingConfigurationFileNamesThePath() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/missing.toml"
            let error = try #require(
                #expect(throws: ConfigurationError.self) {
                    try KioskConfiguration.load(contentsOf: path)
                })
            #expect(error.code == .unreadableFile)
            #expect(error.description == "\(path): cannot read the configuration file: no such file")
        }
    }

    @Test func loadingAFileReportsErrorsUnderItsPath() throws {
        try withTemporaryDirectory { directory in
            let path = try write(
                Fixture.replacing("prefix = \"B\"", with: "prefix = \"a1\""), to: "kioskd.toml", in: directory)
            let error = try #require(
                #expect(throws: ConfigurationError.self) {
                    try KioskConfiguration.load(contentsOf: path)
                })
            #expect(error.description == "\(path):12: business[2].prefix: expected 1–2 uppercase letters, found \"a1\"")
        }
    }
}
