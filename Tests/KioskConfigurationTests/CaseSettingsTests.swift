// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import KioskConfiguration
import Testing

/// The `[cases]` table: defaults, every key, and refusals naming the line.
struct CaseSettingsTests {
    @Test func aMissingTableMeansThirtyDaysFiveMinutesUnenrolled() throws {
        let cases = try KioskConfiguration.parse(Fixture.minimal, source: "kioskd.toml").cases
        #expect(cases == CaseSettings())
        #expect(cases.retentionDays == 30)
        #expect(cases.agentIdleMinutes == 5)
        #expect(cases.deviceID == "unenrolled")
    }

    @Test func everyKeyIsRead() throws {
        let text = Fixture.minimal + """

            [cases]
            retention_days = 90
            agent_idle_minutes = 10
            device_id = "K0007"
            """
        let cases = try KioskConfiguration.parse(text, source: "kioskd.toml").cases
        #expect(cases == CaseSettings(retentionDays: 90, agentIdleMinutes: 10, deviceID: "K0007"))
    }

    @Test(arguments: [
        ("retention_days = 0", "cases.retention_days"),
        ("retention_days = \"30\"", "cases.retention_days"),
        ("agent_idle_minutes = 241", "cases.agent_idle_minutes"),
        ("device_id = \"K 7\"", "cases.device_id"),
        ("device_id = \"\"", "cases.device_id"),
        ("retention = 30", "cases.retention"),
    ])
    func badValuesAreRefusedWithTheirLine(line: String, key: String) throws {
        let text = Fixture.minimal + "\n\n[cases]\n\(line)\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == key)
        #expect(error.line == Fixture.line(of: line, in: text))
    }

    @Test func theDemoHallSaysEveryDefaultAloud() throws {
        let demo = try KioskConfiguration.parse(KioskConfiguration.demoTOML, source: "demo")
        #expect(demo.cases == CaseSettings())
        #expect(KioskConfiguration.demoTOML.contains("\n[cases]\n"))
    }
}
