// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The clock: the idle question and reset of citizen screens, the agent's idle logout, retrying the daemon.
extension MenuStateMachine {
    /// A tick of the owner's clock.
    mutating func tick() -> [MenuAction] {
        let idle = now.timeIntervalSince(lastInput)
        if state.screen == .starting {
            guard state.pending == nil, now.timeIntervalSince(lastRetry) >= Double(configuration.retrySeconds) else { return [] }
            lastRetry = now
            state.pending = .businesses
            return [.send(.businesses)]
        }
        if state.screen.isAgentScreen, let agent = state.agent {
            return state.pending == nil && idle >= Double(agent.idleTimeoutSeconds) ? logout() : []
        }
        // Never reset while the daemon is still answering (a ticket being taken, a print under way).
        guard state.screen.isCitizenScreen, state.pending == nil else { return [] }
        let limit = Double(configuration.idleSeconds + configuration.promptSeconds)
        if idle >= limit { return reset() }
        guard idle >= Double(configuration.idleSeconds) else { return [] }
        let countdown = Int((limit - idle).rounded(.up))
        guard countdown != state.idleCountdown else { return [] }
        state.idleCountdown = countdown
        return [.render]
    }
}
