// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import KioskConfiguration
import Queue
import Testing

struct KioskConfigurationRulesTests {
    @Test func nonAscendingWaitingCountsAreRefused() throws {
        let text = Fixture.twoOfEach + "\n\n[alarm]\nwaiting_count = [1, 10, 10, 40]\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .invalidValue)
        #expect(error.key == "alarm.waiting_count")
        #expect(error.line == Fixture.line(of: "waiting_count", in: text))
        #expect(
            error.message == "expected 4 strictly ascending integers ≥ 0 (where green, yellow, orange and red start), "
                + "found [1, 10, 10, 40]")
    }

    @Test func thresholdsNeedFourValues() throws {
        let text = Fixture.twoOfEach + "\n\n[alarm]\nlongest_wait_minutes = [15, 30, 60]\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "alarm.longest_wait_minutes")
        #expect(
            error.message == "expected 4 ascending numbers (where green, yellow, orange and red start), "
                + "found 3 values [15, 30, 60]")
    }

    @Test func fractionalWaitingCountIsAWrongType() throws {
        let text = Fixture.twoOfEach + "\n\n[alarm]\nwaiting_count = [1, 10, 20.5, 40]\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .wrongType)
        #expect(error.key == "alarm.waiting_count[3]")
        #expect(error.message == "expected an integer, found a floating-point number (20.5)")
    }

    @Test func zeroLongestWaitMeansAnyWait() throws {
        let text = Fixture.twoOfEach + "\n\n[alarm]\nlongest_wait_minutes = [0, 5, 10, 20]\n"
        let alarm = try KioskConfiguration.parse(text, source: "kioskd.toml").hall.alarm
        #expect(alarm.longestWaitSeconds == [1, 300, 600, 1200])
        #expect(alarm.level(waiting: 1, longestWait: 2) == .green)
    }

    @Test func unknownPolicyIsRefused() throws {
        let text = Fixture.twoOfEach + "\n\n[calling]\npolicy = \"fifo\"\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "calling.policy")
        #expect(error.message == "expected \"strict\", \"aged\" or \"interleave\", found \"fifo\"")
    }

    @Test func interleaveRatioWithAnotherPolicyIsRefused() throws {
        let text = Fixture.twoOfEach + "\n\n[calling]\npolicy = \"strict\"\ninterleave = \"2:1\"\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "calling.interleave")
        #expect(error.line == Fixture.line(of: "interleave", in: text))
        #expect(
            error.message == "`interleave` applies only when policy = \"interleave\" (policy is \"strict\"); remove it")
    }

    @Test(arguments: ["2", "2:0", "a:b", "2:1:1", " 2:1"])
    func malformedInterleaveRatioIsRefused(ratio: String) throws {
        let text = Fixture.twoOfEach + "\n\n[calling]\ninterleave = \"\(ratio)\"\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "calling.interleave")
        #expect(error.message.hasPrefix("expected \"priority:normal\" with whole numbers from 1 to 100, e.g. \"2:1\""))
    }

    @Test func duplicateOutcomeIsRefused() throws {
        let text = Fixture.twoOfEach + "\n\n[calling]\noutcomes = [\"done\", \"other\", \"done\"]\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.code == .duplicate)
        #expect(error.key == "calling.outcomes[3]")
        #expect(error.message == "\"done\" is listed twice (also outcomes[1])")
    }

    @Test func emptyOutcomesAreRefused() throws {
        let error = try #require(Fixture.error(parsing: Fixture.twoOfEach + "\n[calling]\noutcomes = []\n"))
        #expect(error.key == "calling.outcomes")
    }

    @Test func negativeMaxRecallsIsRefused() throws {
        let error = try #require(Fixture.error(parsing: Fixture.twoOfEach + "\n[calling]\nmax_recalls = -1\n"))
        #expect(error.key == "calling.max_recalls")
        #expect(error.message == "expected an integer from 0 to 100, found -1")
    }

    @Test func misspelledAgedWeightIsSuggested() throws {
        let text = Fixture.twoOfEach + "\n\n[priority]\naged_weights = { normal = 1, eldery = 3 }\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "priority.aged_weights.eldery")
        #expect(error.line == Fixture.line(of: "aged_weights", in: text))
        #expect(error.message == "unknown key; did you mean `elderly`?")
    }

    @Test func greenChannelCategoriesMustBeStrings() throws {
        let text = Fixture.twoOfEach + "\n\n[priority]\ngreen_channel = [\"disabled\", 2]\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == "priority.green_channel[2]")
        #expect(error.message == "expected a string, found an integer (2)")
    }

    @Test func estimateSampleSizeMustBePositive() throws {
        let error = try #require(Fixture.error(parsing: Fixture.twoOfEach + "\n[estimate]\nsample_size = 0\n"))
        #expect(error.key == "estimate.sample_size")
        #expect(error.message == "expected an integer from 1 to 1000, found 0")
    }
}
