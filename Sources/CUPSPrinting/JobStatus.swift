// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A print job as cupsd sees it: its state and why.
public struct JobStatus: Sendable, Hashable {
    /// The job id.
    public let id: Int
    /// The job state.
    public let state: JobState
    /// `job-state-reasons`, e.g. `resources-are-not-ready`, `printer-stopped`, `job-completed-successfully`.
    public let reasons: [String]
    /// `job-printer-state-message`: the printer's message when the job last ran (the backend's `ERROR:`).
    public let printerMessage: String?

    /// Creates a status.
    /// - Parameters:
    ///   - id: The job id.
    ///   - state: The state.
    ///   - reasons: The job-state-reasons.
    ///   - printerMessage: The job-printer-state-message.
    public init(id: Int, state: JobState, reasons: [String], printerMessage: String?) {
        self.id = id
        self.state = state
        self.reasons = reasons
        self.printerMessage = printerMessage
    }

    /// Whether following the job can stop: it ended, it is held, or it waits for a stopped queue — none of
    /// which changes without a retry timer or a person.
    public var isAtRest: Bool {
        state.isFinished || state == .held || reasons.contains("printer-stopped")
    }
}
