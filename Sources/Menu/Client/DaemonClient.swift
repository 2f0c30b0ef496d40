// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The menu's client of the daemon's HTTP API: one `HTTPClient` with short timeouts, the calls the flows
/// need, answers decoded to the fields the menu uses.
///
/// Failures are ``MenuError``s: `daemonUnreachable` when nothing answered, `daemonRefused` with the API's
/// `code` and its Chinese `message` (meant for the screen), `unexpectedAnswer` for what cannot be read.
public final class DaemonClient: Sendable {
    /// How long a request may take to be answered.
    static let requestTimeout = TimeAmount.seconds(8)

    /// The daemon's base URL, e.g. `http://127.0.0.1:8080`, without a trailing slash.
    public let server: String
    /// The HTTP client, shared with ``EventStream``.
    let http: HTTPClient

    /// Creates a client.
    /// - Parameter server: The daemon's base URL.
    public init(server: String) {
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        var configuration = HTTPClient.Configuration()
        // Reads may pause up to the event stream's 15 s ping; requests have their own deadline.
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(2), read: .seconds(45))
        http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Closes the client's connections.
    public func shutdown() async {
        try? await http.shutdown()
    }

    /// Makes a call.
    /// - Parameter request: The call.
    /// - Returns: The daemon's answer.
    /// - Throws: ``MenuError``.
    public func perform(_ request: MenuRequest) async throws(MenuError) -> MenuReply {
        switch request {
        case .businesses:
            return .businesses(try await call("GET", "/api/v1/businesses", as: BusinessList.self).businesses)
        case .bookings:
            return .bookings(try await call("GET", "/api/v1/bookings", as: BookingList.self).bookings)
        case .printer:
            return .printer(canPrint: try await call("GET", "/api/v1/printer", as: PrinterState.self).canPrint)
        case .takeTicket(let business, let card):
            return .ticket(try await call("POST", "/api/v1/tickets", body: TicketBody(business: business, card: card), as: Ticket.self))
        case .checkIn(let code, let card):
            return .ticket(try await call("POST", "/api/v1/bookings/\(Self.escaped(code))/check-in", body: CheckInBody(card: card), as: Ticket.self))
        case .rate(let number, let level):
            return .rated(try await call("POST", "/api/v1/tickets/\(Self.escaped(number))/rating", body: RatingBody(level: level), as: Ticket.self))
        case .agentLogin(let agent, let pin):
            return .agentSession(try await call("POST", "/api/v1/agent/login", body: LoginBody(agent: agent, pin: pin), as: AgentSession.self))
        case .agentLogout(let token):
            _ = try await send("POST", "/api/v1/agent/logout", body: nil, token: token)
            return .loggedOut
        case .syncStatus:
            return .syncStatus(try await call("GET", "/api/v1/sync/status", as: SyncStatus.self))
        case .matters:
            return .matters(try await call("GET", "/api/v1/matters", as: MatterList.self).matters)
        case .cases(let token):
            return .cases(try await call("GET", "/api/v1/cases", token: token, as: CaseList.self).cases)
        case .captureCase(let token, let draft):
            return .captured(try await call("POST", "/api/v1/cases", body: draft, token: token, as: ProxyCase.self))
        }
    }

    // MARK: Transport

    private func call<Answer: Decodable>(
        _ method: String, _ path: String, body: (any Encodable & Sendable)? = nil, token: String? = nil, as type: Answer.Type
    ) async throws(MenuError) -> Answer {
        let bytes = try await send(method, path, body: body, token: token)
        do {
            return try Self.decoder.decode(Answer.self, from: Data(bytes))
        } catch {
            throw MenuError(.unexpectedAnswer, "\(method) \(path): unreadable answer")
        }
    }

    /// Sends a request and returns a 2xx answer's body; other answers become ``MenuError``s.
    private func send(_ method: String, _ path: String, body: (any Encodable & Sendable)?, token: String?) async throws(MenuError) -> [UInt8] {
        var request = HTTPClientRequest(url: server + path)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "Accept", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            let encoder = JSONEncoder()
            guard let data = try? encoder.encode(body) else { throw MenuError(.unexpectedAnswer, "\(method) \(path): unencodable body") }
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: data))
        }
        let status: Int
        let bytes: [UInt8]
        do {
            let response = try await http.execute(request, timeout: Self.requestTimeout)
            status = Int(response.status.code)
            bytes = Array(try await response.body.collect(upTo: 4 << 20).readableBytesView)
        } catch {
            throw MenuError(.daemonUnreachable, "the daemon at \(server) did not answer \(method) \(path)")
        }
        guard (200..<300).contains(status) else { throw Self.refusal(status: status, body: bytes, method: method, path: path) }
        return bytes
    }

    /// The daemon's `{"error": {"code", "message", "ticket_number"}}` as a ``MenuError``.
    static func refusal(status: Int, body: [UInt8], method: String, path: String) -> MenuError {
        struct Envelope: Decodable {
            struct Detail: Decodable {
                var code: String
                var message: String
                var ticketNumber: String?
            }
            var error: Detail
        }
        guard let envelope = try? decoder.decode(Envelope.self, from: Data(body)) else {
            return MenuError(.unexpectedAnswer, "\(method) \(path): HTTP \(status)", status: status)
        }
        return MenuError(
            .daemonRefused, envelope.error.message, apiCode: envelope.error.code, status: status, ticketNumber: envelope.error.ticketNumber)
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    private static func escaped(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? segment
    }

    // MARK: Bodies and lists

    private struct BusinessList: Decodable { var businesses: [Business] }
    private struct BookingList: Decodable { var bookings: [Booking] }
    private struct MatterList: Decodable { var matters: [Matter] }
    private struct CaseList: Decodable { var cases: [ProxyCase] }
    private struct PrinterState: Decodable { var canPrint: Bool }

    private struct TicketBody: Encodable, Sendable {
        var business: String
        var card: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(business, forKey: .business)
            try container.encodeIfPresent(card, forKey: .card)
        }

        private enum CodingKeys: String, CodingKey { case business, card }
    }

    private struct CheckInBody: Encodable, Sendable {
        var card: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(card, forKey: .card)
        }

        private enum CodingKeys: String, CodingKey { case card }
    }

    private struct RatingBody: Encodable, Sendable {
        var level: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(level, forKey: .level)
            try container.encodeNil(forKey: .reason)
        }

        private enum CodingKeys: String, CodingKey { case level, reason }
    }

    private struct LoginBody: Encodable, Sendable {
        var agent: String
        var pin: String
    }
}
