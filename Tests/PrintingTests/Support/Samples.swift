// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Printing

/// Tickets, receipts and printers the tests print with.
enum Samples {
    /// 2025-03-04 09:12 in Asia/Shanghai.
    static let takenAt = Date(timeIntervalSince1970: 1_741_050_720)

    /// A hall name longer than two lines of a 58 mm ticket at double size.
    static let longHallName = "南京市玄武区政务服务中心（玄武大道分中心）综合受理大厅第一服务区"

    /// A matter name longer than one receipt line, with an unbreakable ASCII code in it.
    static let longMatter =
        "不动产登记（二手房转移登记及抵押权首次登记合并办理，事项编码 320102-BDC-0001-0002-0003）"

    /// An elderly card holder's ticket with a status QR code.
    static let ticket = TicketContent(
        hallName: "玄武区政务服务中心", business: "不动产登记", number: "A001", peopleAhead: 12, estimatedWaitMinutes: 25,
        takenAt: takenAt,
        validity: .segment(
            start: Date(timeIntervalSince1970: 1_741_051_800),
            end: Date(timeIntervalSince1970: 1_741_053_600)),
        statusURL: "https://hall.example.cn/t/20250304-A001?k=7f3a9c", holderMaskedName: "张*",
        priorityNote: "老年人优先"
    )

    /// A case receipt with materials received and promised.
    static let receipt = ReceiptContent(
        hallName: "青山村便民服务点", receiptNumber: "R20250304-0007", caseNumber: "320102-2025-000123",
        applicantMaskedName: "欧阳**", applicantMaskedIDNumber: "3201**********1234", matter: longMatter,
        receivedMaterials: [
            .init(name: "居民身份证复印件", copies: 1), .init(name: "不动产权证书原件", copies: 1),
            .init(name: "房屋买卖合同（网签备案版）", copies: 2),
        ],
        promisedMaterials: [.init(name: "户口簿复印件", dueDate: Date(timeIntervalSince1970: 1_741_536_000))],
        promisedCompletion: Date(timeIntervalSince1970: 1_742_400_000), agent: "李娟 13800001111",
        acceptedAt: takenAt, statusURL: "https://hall.example.cn/c/320102-2025-000123"
    )

    /// The printers every layout is checked on: 58 and 80 mm, GB18030 text and raster.
    static let profiles: [(name: String, profile: PrinterProfile)] = [
        ("58-text", .chinese58),
        ("80-text", .chinese80),
        ("58-raster", .raster58),
        ("80-raster", PrinterProfile(paperWidthMillimetres: 80, chineseText: .none, qrCode: .raster, cut: .full)),
    ]
}
