// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What the daemon answered to a MenuRequest.
public enum MenuReply: Sendable, Hashable {
    /// The businesses.
    case businesses([Business])
    /// Today's bookings.
    case bookings([Booking])
    /// Whether the ticket printer can print now.
    case printer(canPrint: Bool)
    /// A ticket taken or checked in, with its print outcome.
    case ticket(Ticket)
    /// A ticket rated.
    case rated(Ticket)
    /// An agent logged in.
    case agentSession(AgentSession)
    /// An agent logged out.
    case loggedOut
    /// The outbox's state.
    case syncStatus(SyncStatus)
    /// The catalogue.
    case matters([Matter])
    /// The agent's cases of the last days.
    case cases([ProxyCase])
    /// A case captured, with its receipt's print outcome.
    case captured(ProxyCase)
}
