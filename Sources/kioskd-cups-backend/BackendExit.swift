// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The exit codes a CUPS backend returns (`cups/backend.h`, man 7 backend), and what cupsd does with them.
struct BackendExit: RawRepresentable, Sendable, Hashable {
    /// The process exit status.
    let rawValue: CInt

    /// `CUPS_BACKEND_OK`: the job was sent.
    static let ok = BackendExit(rawValue: 0)
    /// `CUPS_BACKEND_FAILED`: the job failed; cupsd follows the queue's error policy.
    static let failed = BackendExit(rawValue: 1)
    /// `CUPS_BACKEND_STOP`: stop the queue and keep the job (a technician must act, then `cupsenable`).
    static let stop = BackendExit(rawValue: 4)
    /// `CUPS_BACKEND_RETRY`: hold the job and retry it after `JobRetryInterval`.
    static let retry = BackendExit(rawValue: 6)
}
