// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why a window's call picked the ticket it picked, shown to the window.
public struct CallReason: Sendable, Hashable, Codable {
    /// The policy in force: `strict`, `aged` or `interleave N:M`.
    public var policy: String
    /// The picked ticket's priority class.
    public var priority: PriorityClass
    /// How long it had waited, in seconds.
    public var waitedSeconds: Double
    /// The window's weight for the ticket's business.
    public var weight: Double
    /// Whether it had been transferred to this window.
    public var pinned: Bool
    /// One sentence in Chinese for the window, e.g. 严格优先：老年人优先，已等 12 分钟.
    public var explanation: String
}

/// A ticket called to a window, and why it was chosen.
public struct Call: Sendable, Hashable {
    /// The ticket, now in status ``TicketStatus/called``.
    public var ticket: Ticket
    /// Why it was chosen.
    public var reason: CallReason
}
