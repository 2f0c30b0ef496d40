// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting

/// What became of a ticket's print, as the take and reprint answers say it (schema `Print`).
enum PrintOutcome: Sendable, Encodable {
    /// The job was handed to the printer; `print_done` or `print_failed` follows on the event stream.
    case submitted(number: String, jobID: Int)
    /// The ticket did not print; it stays issued.
    case failed(number: String, printer: PrinterStatus?, detail: String?)
    /// No printer is configured (`[printer] queue = "none"`).
    case off(number: String)

    /// What the menu tells the citizen.
    var citizenMessage: String {
        switch self {
        case .submitted: "正在打印凭条，请取走凭条"
        case .failed(let number, _, _): "凭条没有打印出来。请记住您的号码 \(number)，到服务台补打凭条"
        case .off(let number): "请记住您的号码 \(number)"
        }
    }

    private enum Keys: String, CodingKey {
        case state, jobId = "job_id", message, printer
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .submitted(_, let jobID):
            try container.encode("submitted", forKey: .state)
            try container.encode(jobID, forKey: .jobId)
            try container.encodeNil(forKey: .printer)
        case .failed(_, let printer, _):
            try container.encode("failed", forKey: .state)
            try container.encodeNil(forKey: .jobId)
            try container.encode(printer.map { PrinterStatusView(status: $0, output: nil) }, forKey: .printer)
        case .off:
            try container.encode("off", forKey: .state)
            try container.encodeNil(forKey: .jobId)
            try container.encodeNil(forKey: .printer)
        }
        try container.encode(citizenMessage, forKey: .message)
    }
}
