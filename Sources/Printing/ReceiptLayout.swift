// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The case receipt's layout: service point and title, receipt and case numbers, the masked applicant, the
/// matter, materials received and promised (容缺) with their due dates, the promised completion day, the
/// agent, a QR code to the case's status page, a line for the applicant to sign, and the cut.
public enum ReceiptLayout {
    /// The layout of a receipt.
    /// - Parameter receipt: What the receipt says.
    /// - Returns: The blocks, ending with a cut.
    /// - Throws: ``PrintingError/Code-swift.struct/unmaskedPersonalData`` when the applicant's name or ID
    ///   number is not masked.
    public static func layout(of receipt: ReceiptContent) throws(PrintingError) -> PrintLayout {
        try MaskedText.requireMaskedName(receipt.applicantMaskedName, field: "applicantMaskedName")
        try MaskedText.requireMaskedNumber(receipt.applicantMaskedIDNumber, field: "applicantMaskedIDNumber")
        let zone = receipt.timeZone
        var layout = PrintLayout()
        layout.append(.text(receipt.hallName, .centered))
        layout.append(.text("代办件受理回执", .title))
        layout.append(.rule)
        layout.append(.keyValue("回执编号", receipt.receiptNumber))
        layout.append(.keyValue("办件编号", receipt.caseNumber))
        layout.append(.keyValue("受理时间", PrintedTime.minute(receipt.acceptedAt, in: zone)))
        layout.append(.rule)
        layout.append(.keyValue("申请人", receipt.applicantMaskedName))
        layout.append(.keyValue("身份证号", receipt.applicantMaskedIDNumber))
        layout.append(.keyValue("办理事项", receipt.matter))
        layout.append(.rule)
        layout.append(.text("已收材料", .heading))
        if receipt.receivedMaterials.isEmpty { layout.append(.text("（无）")) }
        for (index, material) in receipt.receivedMaterials.enumerated() {
            let copies = material.copies.map { " \($0)份" } ?? ""
            layout.append(.listItem("\(index + 1).", material.name + copies))
        }
        if !receipt.promisedMaterials.isEmpty {
            layout.append(.text("容缺材料（承诺补交）", .heading))
            for (index, material) in receipt.promisedMaterials.enumerated() {
                let due = PrintedTime.day(material.dueDate, in: zone)
                layout.append(.listItem("\(index + 1).", material.name + "，" + due + " 前补交"))
            }
        }
        layout.append(.rule)
        layout.append(.keyValue("承诺办结", PrintedTime.day(receipt.promisedCompletion, in: zone)))
        layout.append(.keyValue("代办员", receipt.agent))
        if let url = receipt.statusURL {
            layout.append(.qrCode(url))
            layout.append(.text("扫码查询办理进度", .centered))
        }
        layout.append(.feed(lines: 1))
        layout.append(.signatureLine("申请人签字："))
        layout.append(.feed(lines: 1))
        layout.append(.signatureLine("日期："))
        layout.append(.cut)
        return layout
    }
}
