// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// The touchscreen menu as a sans-IO state machine: it is told what happened (a button, an event from the
/// daemon, an answer, the clock) and returns what to do (call the daemon, redraw). ``MenuApp`` carries the
/// actions out; tests drive it directly.
///
/// The flows are split by file: `+Citizen` (take a number, queue), `+Booking`, `+Rating`, `+Agent`,
/// `+Capture`, `+Idle`, `+Events`.
public struct MenuStateMachine: Sendable {
    /// How the menu behaves.
    ///
    /// - Configuration keys (from `kioskd menu`'s options):
    ///   - `idleSeconds` (`--idle-seconds`, integer, default 30): a citizen screen untouched this long asks
    ///     "还需要更多时间吗？".
    ///   - `promptSeconds` (integer, default 10): how long that question waits before the menu goes home.
    ///   - `retrySeconds` (integer, default 2): how often an unreachable daemon is tried again.
    ///   - `agentID` (`--agent`, string, default `agent-1`): the agent who logs in with a PIN at this kiosk.
    ///   - `elderly` (`--elderly`, boolean, default false): start, and return, in elderly mode.
    ///   - `deferralDays` (integer, default 7): a 容缺 material is due this many days after capture.
    public struct Configuration: Sendable, Hashable {
        /// Seconds without input before a citizen screen asks for more time.
        public var idleSeconds = 30
        /// Seconds the question waits before going home.
        public var promptSeconds = 10
        /// Seconds between tries of an unreachable daemon.
        public var retrySeconds = 2
        /// The agent who logs in at this kiosk.
        public var agentID = "agent-1"
        /// Whether the menu starts and returns in elderly mode.
        public var elderly = false
        /// Days until a promised (容缺) material is due.
        public var deferralDays = 7
        /// The calendar for due days (the kiosk's time zone).
        public var calendar = Calendar(identifier: .gregorian)

        /// The defaults.
        public init() {}
    }

    /// The configuration.
    public let configuration: Configuration
    /// What the menu knows now.
    public internal(set) var state: MenuState
    /// When the person last touched the screen.
    var lastInput: Date
    /// When the unreachable daemon was last tried.
    var lastRetry: Date
    /// Now, as the latest input said.
    var now: Date

    /// A menu on the starting screen.
    /// - Parameters:
    ///   - configuration: How it behaves.
    ///   - now: The time now.
    public init(configuration: Configuration = Configuration(), now: Date) {
        self.configuration = configuration
        state = MenuState(elderly: configuration.elderly)
        lastInput = now
        lastRetry = now
        self.now = now
    }

    /// The first actions: load the hall and draw the starting screen.
    public mutating func start() -> [MenuAction] {
        [.send(.businesses), .render]
    }

    /// Reacts to an input.
    /// - Parameters:
    ///   - input: What happened.
    ///   - now: The time now.
    /// - Returns: What to do, in order.
    public mutating func handle(_ input: MenuInput, now: Date) -> [MenuAction] {
        self.now = now
        switch input {
        case .button(let id):
            lastInput = now
            if state.idleCountdown != nil {
                state.idleCountdown = nil
                return id == "home" ? goHome() : [.render]
            }
            if state.pending != nil && id != "home" { return [] }
            return press(id)
        case .typed(let character):
            lastInput = now
            return type(character)
        case .tick:
            return tick()
        case .event(let event):
            return handle(event)
        case .reply(let request, let reply):
            return handle(reply, to: request)
        case .failure(let request, let error):
            return handle(error, of: request)
        }
    }

    /// A button, by the screen it is on.
    private mutating func press(_ id: String) -> [MenuAction] {
        if id == "home" { return state.screen.isAgentScreen ? agentHome() : goHome() }
        if id == "back" { return back() }
        switch state.screen {
        case .starting: return []
        case .home: return pressOnHome(id)
        case .businesses, .confirmTicket, .ticket, .notice, .queue: return pressInCitizenFlow(id)
        case .booking, .bookingCode: return pressInBooking(id)
        case .ratingPrefix, .ratingNumber, .ratingLevel, .ratingThanks: return pressInRating(id)
        case .agentPIN, .agentHome, .agentCases: return pressInAgent(id)
        case .agentCard, .agentMatters, .agentMaterials, .agentPhone, .agentConfirm, .agentReceipt: return pressInCapture(id)
        }
    }

    /// 返回: one step back in the flow.
    private mutating func back() -> [MenuAction] {
        switch state.screen {
        case .starting, .home: return []
        case .businesses, .queue, .booking, .ratingPrefix, .ticket, .notice, .ratingThanks, .agentPIN: return goHome()
        case .confirmTicket: return show(.businesses(page: 0))
        case .bookingCode: return show(.booking)
        case .ratingNumber: return showRatingPrefixes()
        case .ratingLevel(let number): return show(.ratingNumber(prefix: String(number.prefix { $0.isLetter }), typed: ""))
        case .agentHome: return logout()
        case .agentCard, .agentMatters, .agentReceipt, .agentCases: return agentHome()
        case .agentMaterials: return show(.agentMatters(page: 0))
        case .agentPhone: return show(.agentMaterials(page: 0))
        case .agentConfirm: return show(.agentPhone(typed: state.capture?.phone ?? ""))
        }
    }

    /// Shows a screen: its problem line and any wait are cleared.
    mutating func show(_ screen: Screen) -> [MenuAction] {
        state.screen = screen
        state.problem = nil
        state.pending = nil
        return [.render]
    }

    /// Sends a request the screen waits for.
    mutating func wait(for request: MenuRequest) -> [MenuAction] {
        state.pending = request
        state.problem = nil
        return [.send(request), .render]
    }

    /// The home screen: the person's data is forgotten; the bookings are refreshed.
    mutating func goHome() -> [MenuAction] {
        state.card = nil
        state.capture = nil
        state.idleCountdown = nil
        return show(.home) + [.send(.bookings), .send(.businesses), .send(.printer)]
    }

    /// Goes home in the configured mode, as after the idle time: the next person starts afresh.
    mutating func reset() -> [MenuAction] {
        state.elderly = configuration.elderly
        return goHome()
    }

    /// Moves a paged screen by one page.
    static func turn(_ page: Int, by id: String, count: Int, pageSize: Int) -> Int {
        let last = max((count - 1) / max(pageSize, 1), 0)
        switch id {
        case "previous": return max(page - 1, 0)
        case "next": return min(page + 1, last)
        default: return page
        }
    }

    /// The page size of the main buttons now.
    var pageSize: Int { ScreenLayout.pageSize(elderly: state.elderly) }
}
