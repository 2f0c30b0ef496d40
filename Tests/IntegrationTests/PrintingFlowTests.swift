// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import PrintTesting
import PrinterLink
import Printing
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real daemon prints through a real private cupsd: what comes out is decoded and drawn for a person to
/// look at, and paper out — told to cupsd by kioskd's own backend from the printer's DLE EOT answer — reaches
/// the API and the event stream, while the ticket stays issued and a window reprints it.
@Suite(.serialized, .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/cupsd")))
struct PrintingFlowTests {
    /// `kioskd config example` with the `[printer]` table pointed at a private cupsd's queue.
    private static func configuration(in directory: TestDirectory, cups: PrivateCUPS, queue: String) async throws -> URL {
        let (_, example, _) = try await runKioskd(["config", "example"])
        var text = example
        for (line, replacement) in [
            ("queue = \"auto\"", "queue = \"\(queue)\"\ncups_server = \"\(cups.server)\""),
            ("model = \"auto\"", "model = \"chinese-58\""),
            ("job_timeout_seconds = 60", "job_timeout_seconds = 20"),
        ] {
            try #require(text.contains("\n\(line)\n"), "the example's [printer] table has no \(line)")
            text = text.replacingOccurrences(of: "\n\(line)\n", with: "\n\(replacement)\n")
        }
        let file = directory.file("kioskd.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Polls `body` every 100 ms until it returns a value or `seconds` pass.
    private static func eventually<T>(_ seconds: Int = 30, _ body: () async throws -> T?) async throws -> T {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let value = try await body() { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try #require(try await body(), "not within \(seconds) s")
    }

    @Test func aTakenTicketComesOutOfCUPSAndLooksRight() async throws {
        let cups = try await PrivateCUPS()
        let directory = try TestDirectory("printing")
        do {
            try await cups.addQueue("receipt", deviceURI: "capture:/receipt")
            let config = try await Self.configuration(in: directory, cups: cups, queue: "receipt")
            let daemon = try await DaemonProcess(database: directory.file("k.sqlite"), config: config, logFile: directory.file("log"))
            let taken = try await HTTPClient.post(
                daemon.baseURL.appendingPathComponent("api/v1/tickets"), json: #"{"business": "social-security"}"#)
            #expect(taken.status == 201)
            #expect(taken.json["print"]?["state"]?.stringValue == "submitted")
            let number = try #require(taken.json["number"]?.stringValue)

            let job = try await Self.eventually { cups.capturedJobs(queue: "receipt").values.first }
            let printed = try ESCPOSInterpreter().interpret(job)
            let text = printed.lines.map(\.text)
            #expect(text.contains("示范区政务服务中心") || text.joined().contains("示范区政务服务中心"))
            #expect(text.contains(number))
            #expect(text.contains { $0.contains("社保") })
            #expect(printed.cuts.count == 1)
            // For a person to look at: the ticket as the 58 mm paper shows it.
            let picture = TestDirectory.output.appendingPathComponent("ticket-printed-by-kioskd-58.png")
            try PaperImage(profile: .chinese58, font: try RasterFont()).writePNG(of: printed, to: picture)
            try await daemon.stop(signal: SIGTERM)
        } catch {
            Issue.record("cupsd error_log:\n\(cups.errorLog().suffix(2000))")
            await cups.stop()
            throw error
        }
        await cups.stop()
    }

    @Test func paperOutFromThePrintersOwnStatusReachesTheAPIAndAReprintPrints() async throws {
        let cups = try await PrivateCUPS(kioskdScheme: .kioskdBackend)
        let printer = try PrinterEmulator(fault: .paperOut)
        let directory = try TestDirectory("printing-paper-out")
        do {
            try await cups.addQueue(
                "receipt", deviceURI: "kioskd:\(printer.devicePath)?status=dle-eot&on-paper-out=retry")
            let config = try await Self.configuration(in: directory, cups: cups, queue: "receipt")
            let daemon = try await DaemonProcess(database: directory.file("k.sqlite"), config: config, logFile: directory.file("log"))
            let url = { (path: String) in daemon.baseURL.appendingPathComponent(path) }
            let stream = try EventStreamReader(port: daemon.baseURL.port!)
            defer { stream.close() }

            let taken = try await HTTPClient.post(url("api/v1/tickets"), json: #"{"business": "social-security"}"#)
            #expect(taken.status == 201)
            let number = try #require(taken.json["number"]?.stringValue)
            let failed = try stream.next(event: "print_failed")
            #expect(failed.data.contains(#""number":"\#(number)""#))
            #expect(failed.data.contains(#""condition":"paper_out""#))
            let status = try await HTTPClient.get(url("api/v1/printer"))
            #expect(status.json["condition"]?.stringValue == "paper_out")
            #expect(status.json["message"]?.stringValue == "打印纸用完了，请装入新纸卷")
            #expect(printer.jobs.isEmpty)
            // The ticket is issued all the same.
            #expect(try await HTTPClient.get(url("api/v1/tickets/\(number)")).json["status"]?.stringValue == "waiting")

            // Paper back: the window reprints it, and the cancelled job never comes out as well.
            printer.inject(.none)
            let reprint = try await HTTPClient.post(
                url("api/v1/windows/1/reprint"), json: #"{"number": "\#(number)"}"#, token: "demo-token-1")
            #expect(reprint.status == 200)
            #expect(reprint.json["print"]?["state"]?.stringValue == "submitted")
            let jobs = try #require(await printer.waitForJobs(count: 1, timeout: .seconds(30)))
            #expect(try ESCPOSInterpreter().interpret(jobs[0]).lines.map(\.text).contains(number))
            _ = try stream.next(event: "print_done")
            let ready = try await Self.eventually {
                let condition = try await HTTPClient.get(url("api/v1/printer")).json["condition"]?.stringValue
                return condition == "ready" ? condition : nil
            }
            #expect(ready == "ready")
            try await Task.sleep(for: .seconds(Double(PrivateCUPS.retryIntervalSeconds) + 1))
            #expect(printer.jobs.count == 1)
            try await daemon.stop(signal: SIGTERM)
        } catch {
            Issue.record("cupsd error_log:\n\(cups.errorLog().suffix(2000))")
            await printer.close()
            await cups.stop()
            throw error
        }
        await printer.close()
        await cups.stop()
    }
}
