// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The metadata keys this module logs with. Values never hold card data in clear.
enum LogKey: String {
    /// The device path or the emulator link.
    case device = "reader.device"
    /// The protocol step: `find card`, `select card`, `read text and photo`.
    case step = "reader.step"
    /// The attempt number of a step, from 1.
    case attempt = "reader.attempt"
    /// A reader status (SW3) as `0x80 no card found`.
    case status = "reader.status"
    /// A ``ReaderError/Code``.
    case error = "reader.error"
    /// The card type word: `resident`, `residence_permit`, ….
    case cardType = "reader.card.type"
    /// The card's number, masked.
    case maskedNumber = "reader.card.number_masked"
    /// Garbage bytes skipped before a frame.
    case garbage = "reader.garbage_bytes"
    /// A byte count.
    case bytes = "reader.bytes"
    /// An emulator fault mode.
    case fault = "reader.emulator.fault"
    /// The command an emulator answered.
    case command = "reader.command"
}
