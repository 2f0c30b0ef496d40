// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The village agent (代办员): PIN login, the agent's home, the case list, logging out.
extension MenuStateMachine {
    /// The longest PIN the keypad takes.
    static let pinLength = 12

    /// A button of the agent's login, home or case list.
    mutating func pressInAgent(_ id: String) -> [MenuAction] {
        switch state.screen {
        case .agentPIN(let typed):
            if id == "confirm" {
                guard !typed.isEmpty else {
                    state.problem = "请输入密码"
                    return [.render]
                }
                state.screen = .agentPIN(typed: "")
                return wait(for: .agentLogin(agent: configuration.agentID, pin: typed))
            }
            guard let edited = Keypad.edit(typed, with: id, limit: Self.pinLength) else { return [] }
            return show(.agentPIN(typed: edited))
        case .agentHome:
            switch id {
            case "capture":
                state.capture = nil
                return show(.agentCard)
            case "cases":
                guard let token = state.agent?.token else { return [] }
                return show(.agentCases(page: 0)) + [.send(.cases(token: token))]
            case "logout": return logout()
            default: return []
            }
        case .agentCases(let page):
            guard id == "previous" || id == "next" else { return [] }
            return show(.agentCases(page: Self.turn(page, by: id, count: state.cases.count, pageSize: casesPageSize)))
        default:
            return []
        }
    }

    /// Cases shown on a page of the case list.
    var casesPageSize: Int { state.elderly ? 3 : 5 }

    /// The agent's home, with a fresh sync status; the capture in progress is dropped.
    mutating func agentHome() -> [MenuAction] {
        state.capture = nil
        return show(.agentHome) + [.send(.syncStatus)]
    }

    /// Logs the agent out and goes home.
    mutating func logout() -> [MenuAction] {
        let token = state.agent?.token
        state.agent = nil
        state.cases = []
        return goHome() + (token.map { [.send(.agentLogout(token: $0))] } ?? [])
    }

    /// The agent's session ended at the daemon (401): log in again.
    mutating func sessionEnded(_ error: MenuError) -> [MenuAction] {
        state.agent = nil
        state.capture = nil
        let actions = show(.agentPIN(typed: ""))
        state.problem = error.message
        return actions
    }
}
