// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Store

/// Agents (代办员) logging in with their PIN and out again.
struct AgentRoutes {
    let cases: CaseService

    func register(on router: Router<KioskRequestContext>) {
        let api = router.group("api/v1/agent")
        api.post("login") { request, context in
            let body = try await request.decodeRequired(LoginBody.self, context: context)
            let (token, agent) = try await cases.login(agentID: body.agent, pin: body.pin)
            return JSONResponse(AgentSessionView(token: token, agent: agent, idleTimeout: cases.sessions.idleTimeout))
        }
        api.post("logout") { request, _ -> Response in
            guard let token = AgentSessions.bearerToken(of: request), cases.sessions.close(token) else {
                throw APIError.agentLoginRequired
            }
            return Response(status: .noContent)
        }
    }
}

/// `POST /api/v1/agent/login`.
struct LoginBody: Decodable {
    var agent: String
    var pin: String
}

/// A new agent session (schema `AgentSession`).
struct AgentSessionView: Encodable {
    let token: String
    let agent: CaseStore.Agent
    let idleTimeout: TimeInterval

    private enum Keys: String, CodingKey { case token, agent, idleTimeoutSeconds = "idle_timeout_seconds" }

    private enum AgentKeys: String, CodingKey { case id, name }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(token, forKey: .token)
        var agentContainer = container.nestedContainer(keyedBy: AgentKeys.self, forKey: .agent)
        try agentContainer.encode(agent.id, forKey: .id)
        try agentContainer.encode(agent.name, forKey: .name)
        try container.encode(Int(idleTimeout), forKey: .idleTimeoutSeconds)
    }
}

extension APIError {
    /// No agent session: the token is missing, unknown, or ended by logout or the idle timeout.
    static let agentLoginRequired = APIError(.unauthorized, code: "unauthorized", message: "请代办员先登录（登录已过期或未登录）")
}

extension AgentSessions {
    /// The `Authorization: Bearer …` token of a request, if any.
    static func bearerToken(of request: Request) -> String? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return nil }
        return String(header.dropFirst(7))
    }

    /// The agent of the request's session.
    /// - Throws: ``APIError`` 401 when there is none.
    func agent(of request: Request) throws(APIError) -> CaseStore.Agent {
        guard let token = Self.bearerToken(of: request), let agent = agent(for: token) else { throw APIError.agentLoginRequired }
        return agent
    }
}
