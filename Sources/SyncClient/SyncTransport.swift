// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SyncProtocol

/// Sends the sync client's requests to the central server through one `HTTPClient`: signed with the device key
/// when an identity is given, gzip-compressed when asked, each within the request timeout.
///
/// TLS certificates are verified against the system's trust store for `https`; plain `http` is accepted only
/// for a loopback host (tests, or a local TLS-terminating gateway).
struct SyncTransport: Sendable {
    /// What the server answered.
    struct Answer: Sendable {
        /// The HTTP status code.
        var status: Int
        /// The body.
        var body: Data
        /// The wait a 429 or 503 asked for (`Retry-After` in seconds), if any.
        var retryAfter: Duration? = nil

        /// The error for a status the request's contract has no reply for: 401 stops the client, 429 and 5xx
        /// are retried after the server's `Retry-After` and the backoff, anything else breaks the contract.
        /// - Parameter request: The request's name in messages, e.g. `push` or `pull catalogue`.
        func refusal(of request: String) -> SyncClientError {
            switch status {
            case 401:
                return SyncClientError(.deviceRevoked, "the server answered 401: device revoked or not enrolled")
            case 429, 500...599:
                var error = SyncClientError(.serverError, "\(request): server answered \(status)")
                error.retryAfter = retryAfter
                return error
            default:
                return SyncClientError(.unexpectedAnswer, "\(request): server answered \(status)")
            }
        }
    }

    /// The largest answer body read (a pull page of 500 matters is far below).
    static let maximumAnswerBytes = 16 * 1024 * 1024

    let http: HTTPClient
    let server: URL
    let timeout: Duration

    /// A client with redirects off (a redirect would not carry a valid signature) and the connect timeout set.
    static func makeHTTPClient(timeout: Duration) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: timeout.timeAmount))
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Refuses a server URL that would send operations in clear over a network.
    /// - Parameter server: The server's base URL (scheme, host, port).
    /// - Throws: ``SyncClientError/Code/insecureServer``.
    static func check(_ server: URL) throws(SyncClientError) {
        switch server.scheme?.lowercased() {
        case "https": return
        case "http" where ["127.0.0.1", "localhost", "::1"].contains(server.host ?? ""): return
        default:
            throw SyncClientError(.insecureServer, "the sync server must be https (http only on loopback)")
        }
    }

    /// Sends one request and reads the whole answer.
    /// - Parameters:
    ///   - method: `GET` or `POST`.
    ///   - pathAndQuery: The path with its query, as signed.
    ///   - body: The body bytes as sent, `nil` for none.
    ///   - gzipped: Whether `body` is gzip-compressed (`Content-Encoding: gzip`).
    ///   - identity: The identity that signs the request, `nil` for the unsigned enrolment.
    /// - Returns: The status and body.
    /// - Throws: ``SyncClientError`` with ``SyncClientError/Code/timeout`` or ``SyncClientError/Code/transport``,
    ///   or `CancellationError`.
    func send(
        _ method: HTTPMethod, _ pathAndQuery: String, body: Data? = nil, gzipped: Bool = false,
        signedBy identity: DeviceIdentity?
    ) async throws -> Answer {
        var base = server.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var request = HTTPClientRequest(url: base + pathAndQuery)
        request.method = method
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            request.headers.add(name: "Content-Type", value: "application/json")
            if gzipped { request.headers.add(name: "Content-Encoding", value: "gzip") }
        }
        if let identity {
            let time = Int64(Date().timeIntervalSince1970)
            let headers = try RequestSignature.headers(
                signingWith: identity.privateKey, method: method.rawValue, pathAndQuery: pathAndQuery, time: time,
                body: body ?? Data(), device: identity.deviceID)
            for (name, value) in headers { request.headers.add(name: name, value: value) }
        }
        do {
            let response = try await http.execute(request, timeout: timeout.timeAmount)
            let bytes = try await response.body.collect(upTo: Self.maximumAnswerBytes)
            let retryAfter = response.headers.first(name: "Retry-After").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
                .map { Duration.seconds(min(max($0, 0), 3600)) }
            return Answer(status: Int(response.status.code), body: Data(bytes.readableBytesView), retryAfter: retryAfter)
        } catch let error as HTTPClientError {
            try Task.checkCancellation()
            if [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
                throw SyncClientError(.timeout, "\(method.rawValue) \(Self.route(of: pathAndQuery)) timed out")
            }
            throw SyncClientError(
                .transport, "\(method.rawValue) \(Self.route(of: pathAndQuery)) failed: \(error)", underlying: error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            try Task.checkCancellation()
            throw SyncClientError(
                .transport, "\(method.rawValue) \(Self.route(of: pathAndQuery)) failed: \(error)", underlying: error)
        }
    }

    /// The path without its query (a pull cursor is opaque and long; it stays out of messages).
    static func route(of pathAndQuery: String) -> Substring {
        pathAndQuery.prefix { $0 != "?" }
    }
}

extension Duration {
    /// The duration as NIO's `TimeAmount`.
    var timeAmount: TimeAmount {
        .nanoseconds(components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000)
    }

    /// The duration in whole milliseconds, for log metadata.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
