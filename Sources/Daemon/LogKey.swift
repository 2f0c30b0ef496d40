// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Metadata keys of the daemon's log lines. Values are ids and codes, never personal data or tokens.
enum LogKey: String {
    case error = "kioskd.error"
    case listen = "kioskd.listen"
    case config = "kioskd.config"
    case database = "kioskd.database"
    case dataKey = "kioskd.data_key"
    case fingerprint = "kioskd.data_key.fingerprint"
    case hall = "kioskd.hall"
    case window = "queue.window.id"
    case ticket = "queue.ticket.number"
    case business = "queue.business"
    case operation = "queue.operation"
    case serviceDay = "queue.service_day"
    case caseID = "case.id"
    case receipt = "case.receipt"
    case seq = "case.seq"
    case matter = "case.matter"
    case matters = "case.matters"
    case bookings = "case.bookings"
    case agent = "case.agent"
    case remainingAttempts = "case.agent.remaining"
    case purged = "case.purged"
    case ratings = "sync.forwarded.ratings"
    case days = "sync.forwarded.days"
    case server = "sync.server"
    case device = "sync.device"
    case identity = "sync.identity"
}
