// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What the menu knows: the screen, the person at the kiosk (their card, the agent's session), and the hall.
///
/// The person's data (card session, typed codes, the capture) lives only here and is dropped when the menu
/// goes home after the idle time, when the agent logs out, or when the daemon goes away.
public struct MenuState: Sendable, Hashable {
    /// A call shown on the home screen.
    public struct Call: Sendable, Hashable {
        /// The ticket, e.g. `A017`.
        public var number: String
        /// The window, e.g. `3号窗口`.
        public var windowName: String
    }

    /// The screen.
    public internal(set) var screen: Screen = .starting
    /// Elderly mode: bigger, fewer buttons, shorter sentences.
    public internal(set) var elderly: Bool
    /// The ID card read for the person at the kiosk, masked.
    public internal(set) var card: CardSession?
    /// The logged-in agent.
    public internal(set) var agent: AgentSession?
    /// The hall's businesses, as last loaded.
    public internal(set) var businesses: [Business] = []
    /// Today's bookings, as last loaded.
    public internal(set) var bookings: [Booking] = []
    /// The latest calls, newest first (at most three).
    public internal(set) var calls: [Call] = []
    /// What went wrong on this screen, in words; cleared when the screen changes.
    public internal(set) var problem: String?
    /// A request the screen waits for (取号, 登录 …): buttons wait until it is answered.
    public internal(set) var pending: MenuRequest?
    /// The seconds left before an idle citizen screen goes home, while "还需要更多时间吗？" is shown.
    public internal(set) var idleCountdown: Int?
    /// Whether the ticket printer can print now.
    public internal(set) var printerReady = true
    /// Whether the ID-card reader works.
    public internal(set) var readerReady = true
    /// The case the agent is capturing.
    public internal(set) var capture: CaseCapture?
    /// The catalogue, as last loaded.
    public internal(set) var matters: [Matter] = []
    /// The agent's cases, as last loaded.
    public internal(set) var cases: [ProxyCase] = []
    /// Prints that ended before their ticket or receipt was on screen (the printer can beat the answer), by
    /// number; at most a few are kept.
    var finishedPrints: [String: Screen.PrintState] = [:]
    /// The day a material promised now (容缺) is due, `yyyy-MM-dd`, set when the matter is chosen.
    public internal(set) var deferralDue: String?
    /// The outbox's state, as last loaded.
    public internal(set) var sync: SyncStatus?

    /// A state on the starting screen.
    init(elderly: Bool) {
        self.elderly = elderly
    }

    /// The business with a code.
    func business(_ code: String) -> Business? { businesses.first { $0.code == code } }
}
