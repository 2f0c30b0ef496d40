// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import PrinterLink

extension PrinterState {
    /// Every printer-state-reasons keyword this backend sets; the ones that no longer hold are cleared.
    static let managedReasons = [
        "media-empty-error", "media-low-report", "door-open-error", "offline-report", "other-error",
    ]

    /// The printer-state-reasons keyword that says this state, if any.
    var reason: String? {
        switch self {
        case .ready: nil
        case .paperNearEnd: "media-low-report"
        case .paperOut: "media-empty-error"
        case .coverOpen: "door-open-error"
        case .printerError: "other-error"
        case .offline, .noAnswer: "offline-report"
        }
    }

    /// Whether a job can be sent in this state.
    var canPrint: Bool { self == .ready || self == .paperNearEnd }

    /// Whether a person must act (load paper, close the cover): the queue's paper-out policy applies.
    var needsAttendant: Bool { self == .paperOut || self == .coverOpen }

    /// The message for cupsd's printer-state-message, in plain words.
    var message: String {
        switch self {
        case .ready: "Ready"
        case .paperNearEnd: "Paper is running low"
        case .paperOut: "Paper out: load a new roll"
        case .coverOpen: "Printer cover is open: close it"
        case .printerError: "Printer error: check the cutter and the print head"
        case .offline: "Printer is offline"
        case .noAnswer: "Printer does not answer: check power and cable"
        }
    }

    /// The `STATE:` lines that make cupsd's reasons match this state: set its reason, clear the others.
    var stateLines: [String] {
        let cleared = Self.managedReasons.filter { $0 != reason }
        return (reason.map { ["STATE: +\($0)"] } ?? []) + ["STATE: -" + cleared.joined(separator: ",")]
    }
}
