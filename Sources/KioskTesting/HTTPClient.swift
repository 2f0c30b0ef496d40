// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal JSON-over-HTTP client for black-box tests of a running daemon.
public enum HTTPClient {
    /// A response: status, body and parsed JSON (`.null` when empty or not JSON).
    public struct Response: Sendable {
        /// The HTTP status.
        public let status: Int
        /// The raw body.
        public let body: Data
        /// The body parsed as JSON.
        public var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.httpMaximumConnectionsPerHost = 16
        return URLSession(configuration: configuration)
    }()

    /// `GET url`.
    public static func get(_ url: URL, token: String? = nil) async throws -> Response {
        try await send("GET", url, body: nil, token: token)
    }

    /// `POST url` with a JSON body.
    public static func post(_ url: URL, json: String? = nil, token: String? = nil) async throws -> Response {
        try await send("POST", url, body: json.map { Data($0.utf8) }, token: token)
    }

    /// Sends a request and collects the whole response.
    public static func send(_ method: String, _ url: URL, body: Data?, token: String?) async throws -> Response {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: request)
        return Response(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }
}
