// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What a receipt printer can do right now, from its real-time status (``RealTimeStatus``).
///
/// One value, the one a person must act on first: a cover that is open hides the paper state, paper that
/// is out stops printing, a near-end roll still prints.
public enum PrinterState: String, Sendable, Hashable, CaseIterable {
    /// Online, paper loaded, cover closed.
    case ready
    /// Printing, but the roll is nearly used up (the near-end sensor sees the core).
    case paperNearEnd = "paper_near_end"
    /// No paper: the roll ran out and the printer stopped.
    case paperOut = "paper_out"
    /// The cover (paper door) is open.
    case coverOpen = "cover_open"
    /// The printer reports an error: an auto-cutter jam, a head over temperature, a mechanical fault.
    case printerError = "printer_error"
    /// The printer says it is offline for another reason, e.g. the feed button is held.
    case offline
    /// The printer did not answer the status request: switched off, wrong cable, or no back channel.
    case noAnswer = "no_answer"
}
