// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import PrintTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real daemon with the demo hall: an agent logs in, the applicant swipes the (emulated) card, the case
/// is captured and its receipt comes out of the emulated printer masked; the case is listed pending, survives
/// a restart with the next receipt number, and no clear ID number, name or phone is in any file.
@Suite(.serialized)
struct CaseFlowTests {
    /// The built-in `resident` test card of the reader emulator (Sources/Reader/EmulatorFixture.swift).
    private let number = "320102195608151233"
    private let name = "王测试"
    private let phone = "13912345678"

    /// A daemon whose `[printer] queue = "auto"` finds no cupsd (a closed port), so receipts go to the
    /// emulated printer's folder `printed/` beside the database.
    private func start(_ directory: TestDirectory) async throws -> DaemonProcess {
        try await DaemonProcess(
            database: directory.file("k.sqlite"), logFile: directory.file("log"), environment: ["CUPS_SERVER": "127.0.0.1:9"])
    }

    /// Swipes the test card, logs the demo agent in and captures a pension registration with 容缺.
    private func capture(on daemon: DaemonProcess) async throws -> HTTPClient.Response {
        let url = { (path: String) in daemon.baseURL.appendingPathComponent(path) }
        let stream = try EventStreamReader(port: daemon.baseURL.port!)
        defer { stream.close() }
        #expect(try await HTTPClient.post(url("api/v1/emulator/card"), json: #"{"card": "resident"}"#).status == 200)
        let read = try stream.next(event: "card_read")
        let card = try #require(try JSONValue(parsing: Data(read.data.utf8))["card"]?.stringValue)

        let login = try await HTTPClient.post(url("api/v1/agent/login"), json: #"{"agent": "agent-1", "pin": "246810"}"#)
        #expect(login.status == 200)
        let token = try #require(login.json["token"]?.stringValue)
        let matters = try await HTTPClient.get(url("api/v1/matters"))
        #expect(matters.json["matters"]?.arrayValue?.isEmpty == false)
        let due = Self.day(after: 7)
        let body = """
            {"card": "\(card)", "matter": "DEMO-RSJ-0001", "contact_phone": "\(phone)", "materials": [
              {"code": "id-card-copy", "state": "received"},
              {"code": "household-register", "state": "promised", "promised_by": "\(due)"},
              {"code": "application-form", "state": "received"}]}
            """
        return try await HTTPClient.post(url("api/v1/cases"), json: body, token: token)
    }

    /// Today plus some days, `yyyy-MM-dd` in Beijing time (the demo hall's zone).
    private static func day(after days: Int) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400))
    }

    @Test func anAgentCapturesACaseItsReceiptPrintsMaskedAndItIsListedPending() async throws {
        let directory = try TestDirectory("cases")
        let daemon = try await start(directory)
        let captured = try await capture(on: daemon)
        #expect(captured.status == 201)
        let receipt = try #require(captured.json["receipt_number"]?.stringValue)
        #expect(receipt == "R-unenrolled-000001")
        #expect(captured.json["print"]?["state"]?.stringValue == "submitted")
        let caseID = try #require(captured.json["case_id"]?.stringValue)

        let jobs = try FileManager.default.contentsOfDirectory(atPath: directory.file("printed").path).filter { $0.hasPrefix("1-receipt") }
        try #require(jobs.count == 1, "the receipt is not in the emulated printer's folder")
        let printed = try ESCPOSInterpreter().interpret(Array(try Data(contentsOf: directory.file("printed/\(jobs[0])"))))
        let text = printed.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains(receipt))
        #expect(text.contains("3201**********1233"))
        #expect(text.contains("城乡居民基本养老保险参保登记"))
        #expect(!text.contains(number) && !text.contains(name) && !text.contains(phone))
        #expect(printed.cuts.count == 1)

        let login = try await HTTPClient.post(
            daemon.baseURL.appendingPathComponent("api/v1/agent/login"), json: #"{"agent": "agent-1", "pin": "246810"}"#)
        let token = try #require(login.json["token"]?.stringValue)
        let list = try await HTTPClient.get(daemon.baseURL.appendingPathComponent("api/v1/cases"), token: token)
        #expect(list.json["cases"]?[0]?["case_id"]?.stringValue == caseID)
        #expect(list.json["cases"]?[0]?["sync"]?["state"]?.stringValue == "pending")
        let status = try await HTTPClient.get(daemon.baseURL.appendingPathComponent("api/v1/sync/status"))
        #expect(status.json["pending_count"]?.intValue == 1)
        #expect(try await daemon.stop(signal: SIGTERM) == 0)

        // Committed before the receipt printed: after a restart the case is there, the catalogue is not
        // seeded twice, and the next case takes the next receipt number.
        let again = try await start(directory)
        let second = try await capture(on: again)
        #expect(second.json["receipt_number"]?.stringValue == "R-unenrolled-000002")
        #expect(try await again.stop(signal: SIGTERM) == 0)

        let log = try String(contentsOf: directory.file("log"), encoding: .utf8)
        #expect(log.components(separatedBy: "Seeded the demo matter catalogue").count == 2, "seeded once, on the first start")
        var written = [directory.file("log")]
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: directory.file("k.sqlite").path + suffix) {
            written.append(URL(fileURLWithPath: directory.file("k.sqlite").path + suffix))
        }
        for file in written {
            let bytes = try Data(contentsOf: file)
            for secret in [number, name, String(number.prefix(17)), phone] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file.lastPathComponent) holds a clear value")
            }
        }
    }
}
