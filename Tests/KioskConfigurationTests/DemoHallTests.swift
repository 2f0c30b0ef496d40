// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Queue
import Testing

struct DemoHallTests {
    @Test func demoHallParsesWithItsFiveBusinesses() throws {
        let demo = try KioskConfiguration.parse(KioskConfiguration.demoTOML, source: "demo")
        let hall = demo.hall
        #expect(hall.name == "示范区政务服务中心")
        #expect(hall.timeZone.identifier == "Asia/Shanghai")
        #expect(hall.nightlyReset)
        #expect(
            hall.businesses.map(\.code) == [
                "social-security", "medical-insurance", "real-estate", "household-registration", "consultation",
            ])
        #expect(hall.businesses.map(\.prefix) == ["A", "B", "C", "D", "E"])
        #expect(hall.businesses.map(\.name) == ["社保业务", "医保业务", "不动产登记", "户籍业务", "综合咨询"])
        #expect(hall.businesses.allSatisfy { $0.openHours == .allDay })
        #expect(hall.business("social-security")?.dailyCapacity == 300)
        #expect(hall.business("social-security")?.typicalServiceSeconds == 360)
        #expect(hall.business("consultation")?.dailyCapacity == nil)
    }

    @Test func demoHallHasAGeneralWindowWithWeights() {
        let hall = KioskConfiguration.demo.hall
        #expect(hall.windows.map(\.id) == ["1", "2", "3", "4", "5"])
        let general = hall.window("5")
        #expect(general?.name == "5号综合窗口")
        #expect(
            general?.businesses == [
                ServedBusiness(business: "consultation", weight: 2),
                ServedBusiness(business: "social-security"),
                ServedBusiness(business: "medical-insurance"),
                ServedBusiness(business: "household-registration"),
            ])
        #expect(hall.callingPolicy == .interleave(priority: 2, normal: 1))
    }

    @Test func demoHallUsesDemoTokensAndDefaults() {
        let demo = KioskConfiguration.demo
        #expect(
            demo.windowTokens == [
                "1": "demo-token-1", "2": "demo-token-2", "3": "demo-token-3", "4": "demo-token-4", "5": "demo-token-5",
            ])
        #expect(demo.source == "built-in demo hall")
        #expect(demo.listen == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(demo.databasePath == "var/kioskd.sqlite")
        #expect(demo.ticketURLTemplate == nil)
    }

    @Test func demoTOMLIsExactlyTheShippedResourceFile() throws {
        let resource = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KioskConfiguration/Resources/demo-hall.toml")
        let shipped = try String(contentsOf: resource, encoding: .utf8)
        #expect(KioskConfiguration.demoTOML == shipped)
    }

    @Test func demoTOMLExplainsEveryKeyInChineseAndEnglish() {
        let lines = KioskConfiguration.demoTOML.components(separatedBy: "\n")
        let comments = lines.filter { $0.hasPrefix("#") }.joined(separator: "\n")
        for key in [
            "name", "time_zone", "nightly_reset", "ticket_url", "listen", "path", "elderly_age", "green_channel",
            "aged_weights", "policy", "interleave", "max_recalls", "reactivate_places", "outcomes", "waiting_count",
            "longest_wait_minutes", "sample_size", "prior_weight", "code", "prefix", "width", "hours", "capacity",
            "typical_service_minutes", "businesses", "token", "token_file",
        ] {
            #expect(KioskConfiguration.demoTOML.contains(key), "demo does not mention \(key)")
        }
        #expect(comments.contains("时区") && comments.contains("Time zone"))
    }
}
