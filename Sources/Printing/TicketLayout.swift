// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The queue ticket's layout: hall, business, the number as large as the paper allows, the priority line,
/// people ahead and the estimated wait, time taken, validity, the holder's masked name, a QR code to the
/// ticket's status page, and the cut.
public enum TicketLayout {
    /// The layout of a ticket.
    /// - Parameter ticket: What the ticket says.
    /// - Returns: The blocks, ending with a cut.
    /// - Throws: ``PrintingError/Code-swift.struct/unmaskedPersonalData`` when the holder's name is not masked.
    public static func layout(of ticket: TicketContent) throws(PrintingError) -> PrintLayout {
        if let name = ticket.holderMaskedName { try MaskedText.requireMaskedName(name, field: "holderMaskedName") }
        var layout = PrintLayout()
        layout.append(.text(ticket.hallName, .title))
        layout.append(.text(ticket.business, TextStyle(magnification: 2, alignment: .center)))
        layout.append(.rule)
        layout.append(.text("您的号码", .centered))
        layout.append(.text(ticket.number, .ticketNumber))
        if let note = ticket.priorityNote {
            layout.append(.text(note, TextStyle(magnification: 2, alignment: .center, isBold: true)))
        }
        layout.append(.rule)
        layout.append(.keyValue("前面等候", "\(ticket.peopleAhead) 人"))
        if let minutes = ticket.estimatedWaitMinutes {
            layout.append(.keyValue("预计等候", "约 \(minutes) 分钟"))
        }
        layout.append(.keyValue("取号时间", PrintedTime.minute(ticket.takenAt, in: ticket.timeZone)))
        layout.append(validityRow(ticket))
        if let name = ticket.holderMaskedName {
            layout.append(.keyValue("持证人", name))
        }
        if let url = ticket.statusURL {
            layout.append(.rule)
            layout.append(.qrCode(url))
            layout.append(.text("扫码查看排队进度", .centered))
        }
        layout.append(.text("请留意叫号，过号请重新取号", .centered))
        layout.append(.cut)
        return layout
    }

    private static func validityRow(_ ticket: TicketContent) -> PrintBlock {
        switch ticket.validity {
        case .serviceDay:
            return .keyValue("有效期", "当日有效")
        case .segment(let start, let end):
            let zone = ticket.timeZone
            let times = PrintedTime.time(start, in: zone) + "-" + PrintedTime.time(end, in: zone)
            let sameDay = PrintedTime.isSameDay(start, ticket.takenAt, in: zone)
            return .keyValue("有效时段", sameDay ? times : PrintedTime.day(start, in: zone) + " " + times)
        }
    }
}
