// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting

/// The printer's state as the API and the event stream show it (schema `PrinterStatus`).
struct PrinterStatusView: Encodable {
    let status: PrinterStatus
    /// The output's name, when known: a CUPS queue or `emulator`.
    let output: String?

    private enum Keys: String, CodingKey {
        case condition, canPrint = "can_print", message, messageEn = "message_en", reasons, stopped, output, detail
    }

    /// Whether a ticket sent now would print.
    var canPrint: Bool { [.ready, .printing, .paperLow].contains(status.condition) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(status.condition.rawValue, forKey: .condition)
        try container.encode(canPrint, forKey: .canPrint)
        try container.encode(status.chineseMessage, forKey: .message)
        try container.encode(status.englishMessage, forKey: .messageEn)
        try container.encode(status.reasons, forKey: .reasons)
        try container.encode(status.isStopped, forKey: .stopped)
        try container.encode(output ?? status.queue, forKey: .output)
        try container.encode(status.detail, forKey: .detail)
    }

    /// The `printer_status` live event.
    var liveEvent: LiveEvent {
        LiveEvent(
            kind: "printer_status",
            fields: [
                "condition": .string(status.condition.rawValue), "can_print": .bool(canPrint),
                "message": .string(status.chineseMessage), "message_en": .string(status.englishMessage),
            ])
    }
}
