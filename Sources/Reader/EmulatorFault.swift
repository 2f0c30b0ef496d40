// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A fault the ``ReaderEmulator`` injects; the raw value is the `--fault` word of `kioskd emulate reader`.
public enum EmulatorFault: String, Sendable, Hashable, CaseIterable {
    /// None: a well-behaved reader.
    case none
    /// No card in the field, whatever card is set (find answers `80`).
    case noCard = "no-card"
    /// The card is pulled during the read: the read answer stops after 300 bytes and the card is gone
    /// (the next find answers `80`).
    case cardPulledMidRead = "card-pulled"
    /// Every answer carries a wrong checksum.
    case badChecksum = "bad-checksum"
    /// Every answer is delayed by the emulator's `slowDelay` (beyond a session's timeouts).
    case slowSAM = "slow-sam"
    /// The SAM failed its self-test: every command is answered with status `60`.
    case selfTestFailure = "self-test-failure"
    /// Every answer is preceded by a few bytes of line noise (never a preamble byte).
    case garbage
}
