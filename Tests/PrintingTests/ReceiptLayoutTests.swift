// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import PrintTesting
import Printing
import Testing

@Suite struct ReceiptLayoutTests {
    @Test(arguments: [PrinterProfile.chinese58, .chinese80])
    func textLinesSayWhatTheReceiptSays(profile: PrinterProfile) throws {
        let document = try PrintHarness.print(ReceiptLayout.layout(of: Samples.receipt), on: profile).document
        let texts = document.lines.map(\.text)
        #expect(Array(texts.prefix(2)) == ["青山村便民服务点", "代办件受理回执"])
        #expect(document.lines[1].isBold && document.lines[1].widthMagnification == 2)
        for (key, value) in [
            ("回执编号", "R20250304-0007"), ("办件编号", "320102-2025-000123"), ("受理时间", "2025-03-04 09:12"),
            ("申请人", "欧阳**"), ("身份证号", "3201**********1234"), ("承诺办结", "2025-03-20"),
            ("代办员", "李娟 13800001111"),
        ] {
            #expect(texts.contains { $0.hasPrefix(key + " ") && $0.hasSuffix(" " + value) }, "\(key) \(value)")
        }
        let all = PrintHarness.visibleCharacters(texts.joined())
        #expect(all.contains("已收材料1.居民身份证复印件1份2.不动产权证书原件1份3.房屋买卖合同（网签备案版）2份"))
        #expect(all.contains("容缺材料（承诺补交）1.户口簿复印件，2025-03-10前补交"))
        #expect(texts.contains { $0.hasPrefix("申请人签字：___") && $0.printColumns == profile.fontAColumns })
        #expect(texts.contains { $0.hasPrefix("日期：___") })
        #expect(texts.contains("扫码查询办理进度"))
        #expect(document.qrCodes.map(\.text) == [Samples.receipt.statusURL])
        #expect(document.cuts.count == 1)
    }

    @Test(arguments: Samples.profiles.map(\.profile))
    func longMatterWrapsAndNothingIsLost(profile: PrinterProfile) throws {
        let layout = try ReceiptLayout.layout(of: Samples.receipt)
        let lines = try PrintHarness.print(layout, on: PrintHarness.textTwin(of: profile)).document.lines
        let first = try #require(lines.firstIndex { $0.text.hasPrefix("办理事项") })
        let matter = lines[first...].prefix { !$0.text.hasPrefix("---") }
        #expect(matter.count >= 2)
        let expected = "办理事项" + PrintHarness.visibleCharacters(Samples.longMatter)
        #expect(PrintHarness.visibleCharacters(matter.map(\.text).joined()) == expected)
        #expect(matter.allSatisfy { $0.columns <= profile.fontAColumns })
        PrintHarness.expectFitsPaper(try PrintHarness.print(layout, on: profile).document, on: profile)
    }

    @Test(arguments: Samples.profiles.filter { $0.profile.chineseText == .none }.map(\.profile))
    func rasterReceiptShowsTheTextLinesCellForCell(profile: PrinterProfile) throws {
        try PrintHarness.expectRasterShowsTextLines(of: ReceiptLayout.layout(of: Samples.receipt), on: profile)
    }

    /// Also leaves the pictures for a person to look at: `.build/test-output/receipt-<58|80>-<text|raster>.png`.
    @Test(arguments: Samples.profiles)
    func qrCodeRoundTripsThroughThePicture(name: String, profile: PrinterProfile) throws {
        let document = try PrintHarness.print(ReceiptLayout.layout(of: Samples.receipt), on: profile).document
        let picture = try PrintHarness.writePicture(document, on: profile, named: "receipt-\(name).png")
        #expect(try PrintHarness.scanQRCodes(in: picture) == [Samples.receipt.statusURL])
    }

    @Test(arguments: [("欧阳娜娜", "3201**********1234"), ("欧阳**", "320102198001011234")])
    func unmaskedApplicantIsRefused(name: String, number: String) throws {
        var receipt = Samples.receipt
        receipt.applicantMaskedName = name
        receipt.applicantMaskedIDNumber = number
        let error = try #require(throws: PrintingError.self) { try ReceiptLayout.layout(of: receipt) }
        #expect(error.code == .unmaskedPersonalData)
        #expect(!error.description.contains(name) && !error.description.contains(number))
    }

    @Test func receiptWithoutMaterialsSaysNone() throws {
        var receipt = Samples.receipt
        receipt.receivedMaterials = []
        receipt.promisedMaterials = []
        let texts = try PrintHarness.print(ReceiptLayout.layout(of: receipt), on: .chinese58).document.lines.map(\.text)
        #expect(texts.contains("（无）"))
        #expect(!texts.contains { $0.contains("容缺") })
    }
}
