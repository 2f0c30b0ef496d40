// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A call to the daemon that the menu's state machine asks its owner to make.
public enum MenuRequest: Sendable, Hashable {
    /// `GET /api/v1/businesses`.
    case businesses
    /// `GET /api/v1/bookings` (today's).
    case bookings
    /// `GET /api/v1/printer`: whether a ticket would print now.
    case printer
    /// `POST /api/v1/tickets` for a business, bound to a card session when one was read.
    case takeTicket(business: String, card: String?)
    /// `POST /api/v1/bookings/{code}/check-in`, with the card session when one was read.
    case checkIn(code: String, card: String?)
    /// `POST /api/v1/tickets/{number}/rating` with a level 1 (非常不满意) … 5 (非常满意).
    case rate(number: String, level: Int)
    /// `POST /api/v1/agent/login`.
    case agentLogin(agent: String, pin: String)
    /// `POST /api/v1/agent/logout`.
    case agentLogout(token: String)
    /// `GET /api/v1/sync/status`.
    case syncStatus
    /// `GET /api/v1/matters`.
    case matters
    /// `GET /api/v1/cases`.
    case cases(token: String)
    /// `POST /api/v1/cases`: capture a case and print its receipt.
    case captureCase(token: String, draft: CaseDraft)
}
