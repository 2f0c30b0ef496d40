// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Which screen the menu shows, with what that screen alone needs.
public enum Screen: Sendable, Hashable {
    /// The daemon does not answer: 系统正在启动，请稍候; retried every few seconds.
    case starting
    /// The home screen.
    case home
    /// Take a number, step 1: the businesses, a page of them.
    case businesses(page: Int)
    /// Take a number, step 2: people ahead and the estimated wait of a business (its code).
    case confirmTicket(business: String)
    /// Take a number, step 3 (or a check-in): the ticket, and what became of its print.
    case ticket(Ticket, print: PrintState, checkedIn: Bool)
    /// A refusal or a fact to read (已取过号, 预约时间未到 …), then home.
    case notice(Notice)
    /// The queue: waiting per business, with the alarm colour word.
    case queue(page: Int)
    /// Appointment check-in: by the card on the reader, or the code typed.
    case booking
    /// Appointment check-in: the booking code on the keypad.
    case bookingCode(typed: String)
    /// Rating, step 1: the letter the ticket number starts with.
    case ratingPrefix(page: Int)
    /// Rating, step 2: the ticket number's digits on the keypad.
    case ratingNumber(prefix: String, typed: String)
    /// Rating, step 3: the five levels.
    case ratingLevel(number: String)
    /// Rating done: thanks.
    case ratingThanks(number: String)
    /// Agent login: the PIN on the keypad.
    case agentPIN(typed: String)
    /// The agent's home: capture, cases waiting to upload, log out.
    case agentHome
    /// Capture, step 1: waiting for the applicant's card.
    case agentCard
    /// Capture, step 2: the matter, a page of the catalogue.
    case agentMatters(page: Int)
    /// Capture, step 3: the materials checklist, a page of it.
    case agentMaterials(page: Int)
    /// Capture, step 4: the contact phone on the keypad.
    case agentPhone(typed: String)
    /// Capture, step 5: check and confirm.
    case agentConfirm
    /// Capture done: the receipt, and what became of its print.
    case agentReceipt(ProxyCase, print: PrintState)
    /// The agent's cases with their sync states, a page of them.
    case agentCases(page: Int)

    /// What became of a print, as the screen tells it.
    public enum PrintState: Sendable, Hashable {
        /// Sent to the printer; not yet out.
        case printing
        /// Out: 请取走.
        case printed
        /// Not printed, with the daemon's words for the citizen (请到服务台 …).
        case failed(String)
        /// No printer at this kiosk, with the daemon's words.
        case off(String)

        /// The state a print outcome starts in.
        init(_ outcome: PrintOutcome?) {
            switch outcome?.state {
            case "failed": self = .failed(outcome?.message ?? "")
            case "off": self = .off(outcome?.message ?? "")
            default: self = .printing
            }
        }
    }

    /// A refusal or fact in words, with the ticket it is about.
    public struct Notice: Sendable, Hashable {
        /// The title, e.g. `您今天已取过号`.
        public var title: String
        /// The daemon's sentence.
        public var message: String
        /// The ticket already taken, shown big.
        public var number: String?
    }

    /// Whether a citizen is using it: the idle prompt and reset apply.
    var isCitizenScreen: Bool {
        switch self {
        case .starting, .home: false
        case .agentHome, .agentCard, .agentMatters, .agentMaterials, .agentPhone, .agentConfirm, .agentReceipt,
            .agentCases:
            false
        default: true
        }
    }

    /// Whether an agent's session is open on it.
    var isAgentScreen: Bool {
        switch self {
        case .agentHome, .agentCard, .agentMatters, .agentMaterials, .agentPhone, .agentConfirm, .agentReceipt, .agentCases: true
        default: false
        }
    }
}
