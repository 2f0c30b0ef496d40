// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Store
import Synchronization

/// Logged-in agents: a random token per login, in memory only, ended by logout or after the idle timeout
/// (`[cases] agent_idle_minutes`) without a request. A restart logs everyone out.
final class AgentSessions: Sendable {
    private struct Session {
        var agent: CaseStore.Agent
        var lastSeen: Date
    }

    private let sessions = Mutex([String: Session]())
    /// How long a session lasts without a request.
    let idleTimeout: TimeInterval
    private let now: @Sendable () -> Date

    /// Creates an empty set of sessions.
    /// - Parameters:
    ///   - idleTimeout: How long a session lasts without a request.
    ///   - now: The clock.
    init(idleTimeout: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.idleTimeout = idleTimeout
        self.now = now
    }

    /// Opens a session for an agent whose PIN was accepted.
    /// - Returns: The token (32 random bytes, hex), sent back as `Authorization: Bearer <token>`.
    func open(for agent: CaseStore.Agent) -> String {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
        let at = now()
        sessions.withLock { sessions in
            sessions = sessions.filter { at.timeIntervalSince($0.value.lastSeen) < idleTimeout }
            sessions[token] = Session(agent: agent, lastSeen: at)
        }
        return token
    }

    /// The agent of a live session, which this request keeps alive; `nil` for an unknown or idle token.
    func agent(for token: String) -> CaseStore.Agent? {
        let at = now()
        return sessions.withLock { sessions in
            guard let session = sessions[token] else { return nil }
            guard at.timeIntervalSince(session.lastSeen) < idleTimeout else {
                sessions[token] = nil
                return nil
            }
            sessions[token]?.lastSeen = at
            return session.agent
        }
    }

    /// Ends a session.
    /// - Returns: Whether there was one.
    @discardableResult
    func close(_ token: String) -> Bool {
        sessions.withLock { $0.removeValue(forKey: token) != nil }
    }
}
