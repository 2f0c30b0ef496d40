// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// An IPP job state (`ipp_jstate_t`, RFC 8011 `job-state`).
public struct JobState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The IPP enum value.
    public let rawValue: Int

    /// Creates a state from its IPP value.
    /// - Parameter rawValue: 3–9.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `IPP_JSTATE_PENDING` (3): waiting for the printer.
    public static let pending = JobState(rawValue: 3)
    /// `IPP_JSTATE_HELD` (4): held, e.g. for a retry after the backend said the paper is out.
    public static let held = JobState(rawValue: 4)
    /// `IPP_JSTATE_PROCESSING` (5): being sent to the printer.
    public static let processing = JobState(rawValue: 5)
    /// `IPP_JSTATE_STOPPED` (6): processing stopped.
    public static let stopped = JobState(rawValue: 6)
    /// `IPP_JSTATE_CANCELED` (7): cancelled by a user or an administrator.
    public static let canceled = JobState(rawValue: 7)
    /// `IPP_JSTATE_ABORTED` (8): aborted by cupsd, e.g. after too many retries.
    public static let aborted = JobState(rawValue: 8)
    /// `IPP_JSTATE_COMPLETED` (9): sent to the printer.
    public static let completed = JobState(rawValue: 9)

    /// Whether the job has ended (cancelled, aborted, completed).
    public var isFinished: Bool { rawValue >= 7 }

    /// The IPP keyword, e.g. `pending-held`.
    public var description: String {
        switch rawValue {
        case 3: "pending"
        case 4: "pending-held"
        case 5: "processing"
        case 6: "processing-stopped"
        case 7: "canceled"
        case 8: "aborted"
        case 9: "completed"
        default: "job-state-\(rawValue)"
        }
    }
}
