// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import KioskConfiguration
import Queue
import Testing

struct KioskConfigurationWindowsTests {
    @Test func tokenFileIsReadAndTrimmed() throws {
        try withTemporaryDirectory { directory in
            let tokenPath = try write("\n  window-two-from-file \n\n", to: "2", in: directory)
            let text = Fixture.replacing("token = \"window-2-secret\"", with: "token_file = \"\(tokenPath)\"")
            let configuration = try KioskConfiguration.parse(text, source: "kioskd.toml")
            #expect(configuration.windowTokens["2"] == "window-two-from-file")
            #expect(configuration.windowTokens["1"] == "window-1-secret")
        }
    }

    @Test func missingTokenFileIsAnErrorNamingThePath() throws {
        try withTemporaryDirectory { directory in
            let tokenPath = directory + "/tokens/2"
            let text = Fixture.replacing("token = \"window-2-secret\"", with: "token_file = \"\(tokenPath)\"")
            let error = try #require(Fixture.error(parsing: text))
            #expect(error.code == .unreadableFile)
            #expect(error.key == "window[2].token_file")
            #expect(error.line == Fixture.line(of: "token_file", in: text))
            #expect(error.message == "cannot read token file \"\(tokenPath)\": no such file")
        }
    }

    @Test func tokenFileThatIsADirectoryIsAnError() throws {
        try withTemporaryDirectory { directory in
            let text = Fixture.replacing("token = \"window-2-secret\"", with: "token_file = \"\(directory)\"")
            let error = try #require(Fixture.error(parsing: text))
            #expect(error.message == "cannot read token file \"\(directory)\": is a directory, not a file")
        }
    }

    @Test func shortTokenInFileIsRefusedWithoutShowingIt() throws {
        try withTemporaryDirectory { directory in
            let tokenPath = try write("abc12\n", to: "2", in: directory)
            let text = Fixture.replacing("token = \"window-2-secret\"", with: "token_file = \"\(tokenPath)\"")
            let error = try #require(Fixture.error(parsing: text))
            #expect(error.key == "window[2].token_file")
            #expect(!error.description.contains("abc12"))
            #expect(
                error.message.hasSuffix("must be 8–128 printable ASCII characters without spaces; found 5 characters"))
        }
    }

    @Test func shortTokenIsRefusedWithoutShowingIt() throws {
        let text = Fixture.replacing("token = \"window-2-secret\"", with: "token = \"pass1\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .invalidValue)
        #expect(error.key == "window[2].token")
        #expect(error.line == Fixture.line(of: "pass1", in: text))
        #expect(error.message == "expected 8–128 printable ASCII characters without spaces, found 5 characters")
        #expect(!error.description.contains("pass1"))
    }

    @Test func tokenOfWrongTypeIsNotShown() throws {
        let text = Fixture.replacing("token = \"window-2-secret\"", with: "token = 31415926535")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.message == "expected a string, found an integer")
    }

    @Test func tokenAndTokenFileTogetherAreRefused() throws {
        let text = Fixture.replacing(
            "token = \"window-2-secret\"", with: "token = \"window-2-secret\"\ntoken_file = \"/etc/kioskd/tokens/2\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "window[2].token_file")
        #expect(error.message == "set either `token` or `token_file`, not both")
    }

    @Test func missingTokenPointsAtTheWindow() throws {
        let text = Fixture.replacing("token = \"window-2-secret\"", with: "")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .missingKey)
        #expect(error.key == "window[2].token")
        #expect(error.line == Fixture.line(of: "[[window]]", in: text, occurrence: 2))
    }

    @Test func sameTokenForTwoWindowsIsRefused() throws {
        let text = Fixture.replacing("token = \"window-2-secret\"", with: "token = \"window-1-secret\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .duplicate)
        #expect(error.key == "window[2].token")
        #expect(!error.description.contains("window-1-secret"))
        #expect(error.message == "this window's staff token is the same as window[1]'s; give each window its own token")
    }

    @Test func duplicateWindowIDIsRefused() throws {
        let text = Fixture.replacing("id = \"2\"", with: "id = \"1\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .duplicate)
        #expect(error.key == "window[2].id")
        #expect(error.line == Fixture.line(of: "id = \"1\"", in: text, occurrence: 2))
        #expect(error.message == "window id \"1\" is already used by window[1]")
    }

    @Test func invalidWindowIDIsRefused() throws {
        let text = Fixture.replacing("id = \"2\"", with: "id = \"2号\"")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "window[2].id")
        #expect(error.message.hasPrefix("expected 1–16 ASCII letters, digits or `-`"))
    }

    @Test func unknownBusinessSuggestsTheNearestCode() throws {
        let text = Fixture.replacing(
            "businesses = [\"medical-insurance\"]", with: "businesses = [\"medical-insurance\", \"social-securty\"]")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .unknownReference)
        #expect(error.key == "window[2].businesses[2]")
        #expect(error.line == Fixture.line(of: "social-securty", in: text))
        #expect(error.message == "unknown business \"social-securty\"; did you mean \"social-security\"?")
    }

    @Test func unknownBusinessListsTheConfiguredCodes() throws {
        let text = Fixture.replacing(
            "businesses = [\"medical-insurance\"]", with: "businesses = [{ business = \"tax\" }]")
        let error = try #require(Fixture.error(parsing: text))
        #expect(
            error.message
                == "unknown business \"tax\"; configured businesses: \"social-security\", \"medical-insurance\"")
    }

    @Test func weightMustBePositive() throws {
        let text = Fixture.replacing(
            "businesses = [\"medical-insurance\"]",
            with: "businesses = [{ business = \"medical-insurance\", weight = 0 }]")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "window[2].businesses[1].weight")
        #expect(error.line == Fixture.line(of: "weight", in: text))
        #expect(error.message == "expected a number > 0 and ≤ 100, found 0")
    }

    @Test func misspelledKeyInServedBusinessIsSuggested() throws {
        let text = Fixture.replacing(
            "businesses = [\"medical-insurance\"]",
            with: "businesses = [{ business = \"medical-insurance\", wieght = 2 }]")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "window[2].businesses[1].wieght")
        #expect(error.message == "unknown key; did you mean `weight`?")
    }

    @Test func servedBusinessOfWrongTypeIsRefused() throws {
        let text = Fixture.replacing("businesses = [\"medical-insurance\"]", with: "businesses = [2]")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "window[2].businesses[1]")
        #expect(error.message == "expected a business code or { business = \"…\", weight = 2 }, found an integer (2)")
    }

    @Test func windowWithoutBusinessesIsRefused() throws {
        let text = Fixture.replacing("businesses = [\"medical-insurance\"]", with: "businesses = []")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "window[2].businesses")
        #expect(error.message == "expected at least one business code, found []")
    }

    @Test func businessListedTwiceInAWindowIsRefused() throws {
        let text = Fixture.replacing(
            "businesses = [\"medical-insurance\"]",
            with: "businesses = [\"medical-insurance\", { business = \"medical-insurance\", weight = 2 }]")
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .duplicate)
        #expect(error.key == "window[2].businesses[2]")
    }
}
