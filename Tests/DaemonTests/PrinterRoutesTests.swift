// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation
import HTTPTypes
import KioskTesting
import PrintTesting
import Printing
import Testing

@testable import Daemon

/// Taking a ticket prints it; a printer out of paper never loses the ticket, says so, and a window reprints it.
struct PrinterRoutesTests {
    /// The printed jobs of the harness's emulated printer, decoded by the test ESC/POS interpreter.
    private static func printedTexts(_ harness: APIHarness) throws -> [String] {
        try harness.printedTickets.keptJobs().map { file in
            let document = try ESCPOSInterpreter().interpret(Array(try Data(contentsOf: file)))
            return document.lines.map(\.text).joined(separator: "\n") + "\nQR:" + document.qrCodes.map(\.text).joined()
        }
    }

    @Test func aTakenTicketIsPrintedWithItsNumberBusinessAndQRCode() async throws {
        let harness = try APIHarness()
        try await harness.run { api async throws in
            let taken = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social"}"#)
            #expect(taken.status == 201)
            #expect(taken.json["print"]?["state"]?.stringValue == "submitted")
            #expect(taken.json["print"]?["message"]?.stringValue == "正在打印凭条，请取走凭条")
            let texts = try Self.printedTexts(harness)
            try #require(texts.count == 1)
            #expect(texts[0].contains("测试大厅"))
            #expect(texts[0].contains("社保业务"))
            #expect(texts[0].contains("A001"))
            #expect(texts[0].contains("QR:https://hall.example/t/A001"))
            // A lookup does not print, and carries no `print`.
            let lookup = try await api.request(.get, "/api/v1/tickets/A001")
            #expect(lookup.json["print"] == nil)
            #expect(try harness.printedTickets.keptJobs().count == 1)
        }
    }

    @Test func paperOutKeepsTheTicketSaysSoAndAWindowReprintsIt() async throws {
        let harness = try APIHarness()
        let events = harness.broadcaster.subscribe()
        try await harness.run { api async throws in
            let out = try await api.request(.post, "/api/v1/emulator/printer", json: #"{"condition": "paper_out"}"#)
            #expect(out.json["condition"]?.stringValue == "paper_out")
            #expect(out.json["can_print"]?.boolValue == false)
            #expect(out.json["message"]?.stringValue == "打印纸用完了，请装入新纸卷")

            let taken = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social"}"#)
            #expect(taken.status == 201)
            #expect(taken.json["number"]?.stringValue == "A001")
            let failed = try await Self.next("print_failed", in: events)
            #expect(failed["number"] == "A001")
            #expect(failed["condition"] == "paper_out")
            #expect(failed["message"]?.contains("请记住您的号码 A001") == true)
            #expect(try harness.printedTickets.keptJobs().isEmpty)
            // The ticket is issued and waits like any other.
            #expect(try await api.request(.get, "/api/v1/tickets/A001").json["status"]?.stringValue == "waiting")

            _ = try await api.request(.post, "/api/v1/emulator/printer", json: #"{"condition": "ready"}"#)
            let unauthorised = try await api.request(.post, "/api/v1/windows/1/reprint", json: #"{"number": "A001"}"#)
            #expect(unauthorised.status == 401)
            let reprint = try await api.window("1", "reprint", json: #"{"number": "A001"}"#)
            #expect(reprint.status == 200)
            #expect(reprint.json["print"]?["state"]?.stringValue == "submitted")
            let texts = try Self.printedTexts(harness)
            #expect(texts.count == 1)
            #expect(texts.first?.contains("A001") == true)
            #expect(try await api.request(.get, "/api/v1/printer").json["condition"]?.stringValue == "ready")
        }
    }

    @Test func onlySettableConditionsAreAccepted() async throws {
        try await APIHarness().run { api async throws in
            let bad = try await api.request(.post, "/api/v1/emulator/printer", json: #"{"condition": "on_fire"}"#)
            #expect(bad.status == 400)
        }
    }

    /// The next live event of a kind, as string fields; fails after 10 s.
    private static func next(_ kind: String, in stream: AsyncStream<EventBroadcaster.Message>) async throws -> [String: String] {
        try await withThrowingTaskGroup(of: [String: String]?.self) { group in
            group.addTask {
                for await message in stream {
                    guard case .live(let event) = message, event.kind == kind else { continue }
                    return event.fields.compactMapValues { field in
                        if case .string(let value) = field { return value }
                        return nil
                    }
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return try #require(first, "no \(kind) event within 10 s")
        }
    }
}

/// Every printer device file under devices/ becomes a rendering profile with its own paper facts.
struct PrinterProfileFromDeviceFileTests {
    @Test func everyPrinterFileGivesItsPaperAndModes() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../devices").standardized
        let catalog = try DeviceCatalog.load(directory: directory.path)
        let printers = catalog.models.filter { $0.printer != nil }
        #expect(printers.count >= 5)
        for model in printers {
            let printer = try #require(model.printer)
            let profile = KioskDaemon.profile(of: printer)
            #expect(profile.paperWidthMillimetres == printer.paperWidthMillimetres, "\(model.name)")
            #expect(profile.dotsPerLine == printer.dotsPerLine, "\(model.name)")
            #expect(profile.fontAColumns == printer.fontAColumns, "\(model.name)")
            #expect((profile.chineseText == .gb18030) == (printer.chineseFont == .gb18030), "\(model.name)")
            #expect((profile.qrCode == .native) == (printer.qrCode == .native), "\(model.name)")
            #expect(profile.cut.rawValue == printer.cut.rawValue, "\(model.name)")
        }
    }
}
