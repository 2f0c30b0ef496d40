// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import KioskConfiguration
import Testing

/// The `[printer]` table: defaults, every key, and refusals naming the line.
struct PrinterSettingsTests {
    @Test func aMissingTableMeansAutoEverything() throws {
        let configuration = try KioskConfiguration.parse(Fixture.minimal, source: "kioskd.toml")
        #expect(configuration.printer == PrinterSettings())
        #expect(configuration.printer.queue == "auto")
        #expect(configuration.printer.model == "auto")
        #expect(configuration.printer.jobTimeoutSeconds == 60)
    }

    @Test func everyKeyIsRead() throws {
        let text = Fixture.minimal + """

            [printer]
            queue = "kioskd-receipt"
            model = "printer-0416-5011"
            cups_server = "127.0.0.1:18631"
            job_timeout_seconds = 20
            """
        let printer = try KioskConfiguration.parse(text, source: "kioskd.toml").printer
        #expect(printer == PrinterSettings(queue: "kioskd-receipt", model: "printer-0416-5011", cupsServer: "127.0.0.1:18631", jobTimeoutSeconds: 20))
    }

    @Test(arguments: [
        ("queue = \"my printer\"", "printer.queue"),
        ("queue = \"a/b\"", "printer.queue"),
        ("model = \"epson\"", "printer.model"),
        ("job_timeout_seconds = 1", "printer.job_timeout_seconds"),
        ("paper = 80", "printer.paper"),
    ])
    func badValuesAreRefusedWithTheirLine(line: String, key: String) throws {
        let text = Fixture.minimal + "\n\n[printer]\n\(line)\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == key)
        #expect(error.line == Fixture.line(of: line, in: text))
    }

    @Test func theDemoHallPrintsAutomatically() throws {
        let demo = try KioskConfiguration.parse(KioskConfiguration.demoTOML, source: "demo")
        #expect(demo.printer.queue == "auto")
        #expect(demo.printer.model == "auto")
    }
}
