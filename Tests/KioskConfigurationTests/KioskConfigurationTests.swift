// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Queue
import Testing

struct KioskConfigurationTests {
    static func fullFile(tokenFile: String) -> String {
        """
        [hall]
        name = "河西区便民服务中心"
        time_zone = "Asia/Urumqi"
        nightly_reset = false
        ticket_url = "https://hall.example/t/{number}"

        [server]
        listen = "[::1]:9090"

        [store]
        path = "/var/lib/kioskd/hall.sqlite"

        [priority]
        elderly_age = 65
        green_channel = ["disabled", "military", "fire_rescue"]
        aged_weights = { normal = 1, appointment = 4, elderly = 2.5, green_channel = 5 }

        [calling]
        policy = "interleave"
        interleave = "3:2"
        max_recalls = 2
        reactivate_places = 5
        outcomes = ["done", "referred"]

        [alarm]
        waiting_count = [2, 8, 16, 32]
        longest_wait_minutes = [0, 10, 20.5, 45]

        [estimate]
        sample_size = 30
        prior_weight = 5

        [[business]]
        code = "tax"
        name = "税务业务"
        prefix = "TX"
        width = 4
        hours = "08:30-12:00,13:30-17:30"
        capacity = 1200
        typical_service_minutes = 7.5

        [[business]]
        code = "consultation"
        name = "综合咨询"
        prefix = "Z"
        width = 2

        [[window]]
        id = "A-1"
        name = "A1综合窗口"
        businesses = ["tax", { business = "consultation", weight = 0.5 }]
        token_file = "\(tokenFile)"

        [[window]]
        id = "2"
        name = "2号窗口"
        businesses = [{ business = "consultation" }]
        token = "second-window-token"
        """
    }

    @Test func fullFileSetsEveryKey() throws {
        try withTemporaryDirectory { directory in
            let tokenFile = try write("  first-window-token\n", to: "token-A-1", in: directory)
            let path = try write(Self.fullFile(tokenFile: tokenFile), to: "kioskd.toml", in: directory)
            let configuration = try KioskConfiguration.load(contentsOf: path)
            let hall = configuration.hall

            #expect(configuration.source == path)
            #expect(hall.name == "河西区便民服务中心")
            #expect(hall.timeZone.identifier == "Asia/Urumqi")
            #expect(hall.nightlyReset == false)
            #expect(configuration.ticketURLTemplate == "https://hall.example/t/{number}")
            #expect(configuration.ticketURL(for: "TX0042") == "https://hall.example/t/TX0042")
            #expect(configuration.listen == ListenAddress(host: "::1", port: 9090))
            #expect(configuration.databasePath == "/var/lib/kioskd/hall.sqlite")

            #expect(hall.priority.elderlyAge == 65)
            #expect(hall.priority.greenChannelCategories == ["disabled", "military", "fire_rescue"])
            #expect(hall.priority.agedWeights == [.normal: 1, .appointment: 4, .elderly: 2.5, .greenChannel: 5])
            #expect(hall.callingPolicy == .interleave(priority: 3, normal: 2))
            #expect(
                hall.windowRules == WindowRules(maxRecalls: 2, reactivatePlaces: 5, outcomes: ["done", "referred"]))
            #expect(hall.alarm.waitingCount == [2, 8, 16, 32])
            #expect(hall.alarm.longestWaitSeconds == [1, 600, 1230, 2700])
            #expect(hall.estimate == EstimateSettings(sampleSize: 30, priorWeight: 5))

            #expect(
                hall.businesses == [
                    Business(
                        code: "tax", name: "税务业务", prefix: "TX", numberWidth: 4,
                        openHours: OpenHours(periods: [.init(start: 510, end: 720), .init(start: 810, end: 1050)]),
                        dailyCapacity: 1200, typicalServiceSeconds: 450),
                    Business(
                        code: "consultation", name: "综合咨询", prefix: "Z", numberWidth: 2, openHours: .allDay,
                        dailyCapacity: nil, typicalServiceSeconds: 300),
                ])
            #expect(
                hall.windows == [
                    Window(
                        id: "A-1", name: "A1综合窗口",
                        businesses: [
                            ServedBusiness(business: "tax"), ServedBusiness(business: "consultation", weight: 0.5),
                        ]),
                    Window(id: "2", name: "2号窗口", businesses: [ServedBusiness(business: "consultation")]),
                ])
            #expect(configuration.windowTokens == ["A-1": "first-window-token", "2": "second-window-token"])
        }
    }

    @Test func minimalFileTakesTheDefaults() throws {
        let configuration = try KioskConfiguration.parse(Fixture.minimal, source: "kioskd.toml")
        let hall = configuration.hall
        #expect(hall.timeZone.identifier == "Asia/Shanghai")
        #expect(hall.nightlyReset)
        #expect(configuration.listen == .default)
        #expect(configuration.listen.description == "127.0.0.1:8080")
        #expect(configuration.databasePath == "var/kioskd.sqlite")
        #expect(configuration.ticketURLTemplate == nil)
        #expect(hall.priority == PriorityRules())
        #expect(hall.callingPolicy == .interleave(priority: 2, normal: 1))
        #expect(hall.windowRules == WindowRules())
        #expect(hall.alarm == AlarmThresholds())
        #expect(hall.estimate == EstimateSettings())
        let business = try #require(hall.businesses.first)
        #expect(business.numberWidth == 3)
        #expect(business.openHours == .allDay)
        #expect(business.dailyCapacity == nil)
        #expect(business.typicalServiceSeconds == 300)
    }

    @Test(arguments: [
        ("strict", CallingPolicy.strict), ("aged", .aged), ("interleave", .interleave(priority: 2, normal: 1)),
    ])
    func callingPolicyNamesMapToPolicies(name: String, policy: CallingPolicy) throws {
        let text = Fixture.minimal + "\n[calling]\npolicy = \"\(name)\"\n"
        #expect(try KioskConfiguration.parse(text, source: "kioskd.toml").hall.callingPolicy == policy)
    }

    @Test func partialAgedWeightsKeepTheOtherDefaults() throws {
        let text = Fixture.minimal + "\n[priority]\naged_weights = { elderly = 4 }\n"
        let rules = try KioskConfiguration.parse(text, source: "kioskd.toml").hall.priority
        #expect(rules.agedWeights == [.normal: 1, .appointment: 3, .elderly: 4, .greenChannel: 3])
    }

    @Test func dottedKeysAreAccepted() throws {
        let text = Fixture.minimal.replacingOccurrences(
            of: "[hall]\nname = \"测试大厅\"", with: "hall.name = \"测试大厅\"\nhall.time_zone = \"Asia/Harbin\"")
        #expect(text.hasPrefix("hall.name"))
        let hall = try KioskConfiguration.parse(text, source: "kioskd.toml").hall
        #expect(hall.name == "测试大厅")
        #expect(hall.timeZone.identifier == "Asia/Harbin")
    }

    @Test func descriptionNeverContainsTokens() {
        let demo = KioskConfiguration.demo
        var dumped = ""
        dump(demo, to: &dumped)
        for text in [demo.description, String(reflecting: demo), "\(demo)", dumped] {
            #expect(!text.contains("demo-token"))
        }
        #expect(demo.description.contains("示范区政务服务中心"))
        #expect(demo.description.contains("tokens: 5 redacted"))
        #expect(dumped.contains("5 redacted"))
    }
}
