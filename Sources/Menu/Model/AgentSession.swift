// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A village agent's login (`POST /api/v1/agent/login`).
public struct AgentSession: Sendable, Hashable, Decodable {
    /// The agent.
    public struct Agent: Sendable, Hashable, Decodable {
        /// The agent's id.
        public var id: String
        /// The agent's name.
        public var name: String
    }

    /// The bearer token of the case routes.
    public var token: String
    /// Who logged in.
    public var agent: Agent
    /// The daemon ends the session after this long without a request.
    public var idleTimeoutSeconds: Int

    /// Creates a session.
    public init(token: String, agentID: String, agentName: String, idleTimeoutSeconds: Int) {
        self.token = token
        self.agent = Agent(id: agentID, name: agentName)
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }
}
