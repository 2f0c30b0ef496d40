// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// How the ``PrinterEmulator`` misbehaves, and so what it answers to `DLE EOT n`.
public enum PrinterFault: String, Sendable, Hashable, CaseIterable {
    /// A healthy printer: every answer is `0x12`.
    case none
    /// The roll is nearly used up: `DLE EOT 4` answers `0x1E`; printing goes on.
    case paperNearEnd = "paper-near-end"
    /// No paper: offline (`0x1A`), stopped by paper end (`0x32`), paper end (`0x72`).
    case paperOut = "paper-out"
    /// The cover is open: offline (`0x1A`), cover open (`0x16`), paper present (`0x12`).
    case coverOpen = "cover-open"
    /// The printer takes bytes but never answers a status request.
    case noAnswer = "no-answer"
    /// The cable is pulled: the line hangs up and the device path disappears. Final for this emulator.
    case unplugged

    /// The answer to `DLE EOT n` in this mode, or `nil` when the printer stays silent.
    /// - Parameter request: The `n` of the request.
    /// - Returns: The status byte.
    public func answer(to request: UInt8) -> UInt8? {
        switch (self, request) {
        case (.noAnswer, _), (.unplugged, _): nil
        case (.paperOut, 1), (.coverOpen, 1): 0x1A
        case (.paperOut, 2): 0x32
        case (.coverOpen, 2): 0x16
        case (.paperOut, 4): 0x72
        case (.paperNearEnd, 4): 0x1E
        default: 0x12
        }
    }
}
