// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

extension DaemonEvent {
    /// The event a stream message carries, or `nil` for the ones the menu does not act on.
    /// - Parameter message: A message of `/api/v1/events`.
    public init?(_ message: ServerSentEventParser.Message) {
        let data = Data(message.data.utf8)
        let decoder = DaemonClient.decoder
        struct Fields: Decodable {
            var number: String?
            var message: String?
            var canPrint: Bool?
            var detail: [String: String]?
        }
        guard let fields = try? decoder.decode(Fields.self, from: data) else { return nil }
        switch message.event {
        case "card_read":
            guard let card = try? decoder.decode(CardSession.self, from: data) else { return nil }
            self = .cardRead(card)
        case "card_removed": self = .cardRemoved
        case "reader_error", "reader_disconnected": self = .readerFault
        case "reader_connected": self = .readerConnected
        case "printer_status":
            guard let canPrint = fields.canPrint else { return nil }
            self = .printerStatus(canPrint: canPrint)
        case "print_done":
            guard let number = fields.number else { return nil }
            self = .printDone(number: number)
        case "print_failed":
            guard let number = fields.number else { return nil }
            self = .printFailed(number: number, message: fields.message ?? "没有打印出来，请到服务台")
        case "ticket_called", "ticket_recalled":
            guard let number = fields.number, let window = fields.detail?["window_name"] else { return nil }
            self = .ticketCalled(number: number, windowName: window)
        case "alarm_changed", "day_started", "ticket_taken": self = .loadChanged
        default: return nil
        }
    }
}
