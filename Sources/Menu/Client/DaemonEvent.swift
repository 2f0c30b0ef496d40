// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What the daemon's event stream (`/api/v1/events`) told the menu: only the events the menu acts on.
public enum DaemonEvent: Sendable, Hashable {
    /// An ID card was read (`card_read`).
    case cardRead(CardSession)
    /// The card left the reader (`card_removed`).
    case cardRemoved
    /// The reader failed or was unplugged (`reader_error`, `reader_disconnected`).
    case readerFault
    /// A reader is connected again (`reader_connected`).
    case readerConnected
    /// The printer's state changed (`printer_status`): whether a ticket would print now.
    case printerStatus(canPrint: Bool)
    /// A ticket or receipt came out (`print_done`).
    case printDone(number: String)
    /// A ticket or receipt did not come out (`print_failed`), with the words for the citizen.
    case printFailed(number: String, message: String)
    /// A ticket was called or recalled to a window (`ticket_called`, `ticket_recalled`).
    case ticketCalled(number: String, windowName: String)
    /// A business's load changed (`alarm_changed`) or a new day started (`day_started`).
    case loadChanged
}
