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

/// The `[reader]` table's read options and photo decoder.
struct ReaderSettingsTests {
    @Test func defaultsAndEveryKey() throws {
        #expect(try KioskConfiguration.parse(Fixture.minimal, source: "kioskd.toml").reader == ReaderSettings())
        let text = Fixture.minimal + """

            [reader]
            device = "usb"
            fingerprint = true
            additional_address = true
            photo_decoder = "/opt/vendor/libwlt2bmp.so"
            photo_decoder_symbol = "hxgc_Wlt2Bmp"
            photo_decoder_argument = 708
            """
        let reader = try KioskConfiguration.parse(text, source: "kioskd.toml").reader
        #expect(
            reader
                == ReaderSettings(
                    device: "usb", readsFingerprint: true, readsAdditionalAddress: true, photoDecoder: "/opt/vendor/libwlt2bmp.so",
                    photoDecoderSymbol: "hxgc_Wlt2Bmp", photoDecoderArgument: 708))
    }

    @Test(arguments: [
        ("photo_decoder = \"libwlt.so\"", "reader.photo_decoder"),
        ("photo_decoder_symbol = \"un pack\"", "reader.photo_decoder_symbol"),
        ("fingerprint = \"yes\"", "reader.fingerprint"),
        ("device = \"ttyUSB0\"", "reader.device"),
    ])
    func badValuesAreRefusedWithTheirLine(line: String, key: String) throws {
        let text = Fixture.minimal + "\n\n[reader]\n\(line)\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == key)
        #expect(error.line == Fixture.line(of: line, in: text))
    }
}
