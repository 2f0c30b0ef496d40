// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import PrintTesting
import Printing
import Testing

@Suite struct TicketLayoutTests {
    @Test(arguments: [PrinterProfile.chinese58, .chinese80])
    func textLinesSayWhatTheTicketSays(profile: PrinterProfile) throws {
        let document = try PrintHarness.print(TicketLayout.layout(of: Samples.ticket), on: profile).document
        let texts = document.lines.map(\.text)
        let rule = String(repeating: "-", count: profile.fontAColumns)
        let hall = profile.fontAColumns < 36 ? ["玄武区政务", "服务中心"] : ["玄武区政务服务中心"]
        #expect(
            texts == hall + [
                "不动产登记", rule, "您的号码", "A001", "老年人优先", rule,
                row("前面等候", "12 人", profile), row("预计等候", "约 25 分钟", profile),
                row("取号时间", "2025-03-04 09:12", profile), row("有效时段", "09:30-10:00", profile),
                row("持证人", "张*", profile), rule, "扫码查看排队进度", "请留意叫号，过号请重新取号",
            ]
        )
        #expect(document.lines[0].isBold && document.lines[0].widthMagnification == 2)
        #expect(
            document.lines.allSatisfy { $0.alignment == ($0.text.contains("  ") ? .left : .center) || $0.text == rule })
        #expect(document.qrCodes.map(\.text) == [Samples.ticket.statusURL])
        #expect(document.qrCodes.first?.model == 2 && document.qrCodes.first?.errorCorrection == "M")
        #expect(document.cuts.map(\.isPartial) == [true])
    }

    @Test(arguments: Samples.profiles.map(\.profile), ["A001", "A1001", "VIP12345", "GREEN-CHANNEL-0042"])
    func numberIsInTheLargestSizeThatFitsAndNeverWraps(profile: PrinterProfile, number: String) throws {
        var ticket = Samples.ticket
        ticket.number = number
        let lines = try PrintHarness.print(TicketLayout.layout(of: ticket), on: PrintHarness.textTwin(of: profile))
            .document.lines
        let printed = try #require(lines.first { $0.text == number })
        let largest = min(profile.maximumMagnification, profile.fontAColumns / number.count)
        #expect(printed.widthMagnification == largest && printed.heightMagnification == largest)
        #expect(printed.columns <= profile.fontAColumns)
        #expect((largest + 1) * number.count > profile.fontAColumns || largest == profile.maximumMagnification)
    }

    @Test func numberStaysWithinTheModelsLargestMagnification() throws {
        let profile = PrinterProfile(paperWidthMillimetres: 80, maximumMagnification: 4)
        let lines = try PrintHarness.print(TicketLayout.layout(of: Samples.ticket), on: profile).document.lines
        #expect(lines.first { $0.text == "A001" }?.widthMagnification == 4)
        #expect(lines.allSatisfy { $0.widthMagnification <= 4 })
    }

    @Test(arguments: Samples.profiles.map(\.profile))
    func longHallNameWrapsAndNothingIsLost(profile: PrinterProfile) throws {
        var ticket = Samples.ticket
        ticket.hallName = Samples.longHallName
        let layout = try TicketLayout.layout(of: ticket)
        let document = try PrintHarness.print(layout, on: PrintHarness.textTwin(of: profile)).document
        let hallLines = document.lines.prefix { $0.isBold && $0.widthMagnification == 2 }
        #expect(hallLines.count >= 2)
        #expect(PrintHarness.visibleCharacters(hallLines.map(\.text).joined()) == Samples.longHallName)
        #expect(hallLines.allSatisfy { $0.columns <= profile.fontAColumns })
        #expect(!hallLines.dropFirst().contains { $0.text.first == "）" })
        PrintHarness.expectFitsPaper(try PrintHarness.print(layout, on: profile).document, on: profile)
    }

    @Test(arguments: Samples.profiles.filter { $0.profile.chineseText == .none }.map(\.profile))
    func rasterTicketShowsTheTextLinesCellForCell(profile: PrinterProfile) throws {
        var ticket = Samples.ticket
        ticket.hallName = Samples.longHallName
        try PrintHarness.expectRasterShowsTextLines(of: TicketLayout.layout(of: ticket), on: profile)
    }

    /// Also leaves the pictures for a person to look at: `.build/test-output/ticket-<58|80>-<text|raster>.png`.
    @Test(arguments: Samples.profiles)
    func qrCodeRoundTripsThroughThePicture(name: String, profile: PrinterProfile) throws {
        let document = try PrintHarness.print(TicketLayout.layout(of: Samples.ticket), on: profile).document
        #expect(document.qrCodes.count == (profile.qrCode == .native ? 1 : 0))
        let picture = try PrintHarness.writePicture(document, on: profile, named: "ticket-\(name).png")
        #expect(try PrintHarness.scanQRCodes(in: picture) == [Samples.ticket.statusURL])
    }

    @Test func ticketWithoutCardOrPriorityOrQRCodeOmitsTheirLines() throws {
        var ticket = Samples.ticket
        ticket.holderMaskedName = nil
        ticket.priorityNote = nil
        ticket.statusURL = nil
        ticket.estimatedWaitMinutes = nil
        ticket.validity = .serviceDay
        let document = try PrintHarness.print(TicketLayout.layout(of: ticket), on: .chinese58).document
        let texts = document.lines.map(\.text).joined(separator: "\n")
        #expect(!texts.contains("持证人") && !texts.contains("老年人优先") && !texts.contains("预计等候"))
        #expect(texts.contains(row("有效期", "当日有效", .chinese58)))
        #expect(document.qrCodes.isEmpty && document.images.isEmpty)
    }

    @Test func segmentOnAnotherDayPrintsItsDate() throws {
        var ticket = Samples.ticket
        ticket.validity = .segment(
            start: Date(timeIntervalSince1970: 1_741_051_800 + 86_400),
            end: Date(timeIntervalSince1970: 1_741_053_600 + 86_400)
        )
        let texts = try PrintHarness.print(TicketLayout.layout(of: ticket), on: .chinese80).document.lines.map(\.text)
        #expect(texts.contains(row("有效时段", "2025-03-05 09:30-10:00", .chinese80)))
    }

    @Test func unmaskedHolderNameIsRefused() throws {
        var ticket = Samples.ticket
        ticket.holderMaskedName = "张三"
        let error = try #require(throws: PrintingError.self) { try TicketLayout.layout(of: ticket) }
        #expect(error.code == .unmaskedPersonalData)
        #expect(!error.description.contains("张三"))
    }

    /// A key–value row as the ticket justifies it.
    private func row(_ key: String, _ value: String, _ profile: PrinterProfile) -> String {
        key + String(repeating: " ", count: profile.fontAColumns - key.printColumns - value.printColumns) + value
    }
}
