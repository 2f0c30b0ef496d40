// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
public import Hummingbird

/// A refusal of the sync API: an HTTP status and the JSON body `{"error": {"code": …, "message": …}}`, the same
/// shape as kioskd's own API. Messages are Chinese sentences for the technician; never personal data.
public struct SyncAPIError: HTTPResponseError, Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A stable snake_case code for programs.
    public let code: String
    /// A sentence for people.
    public let message: String
    /// The `Retry-After` header in whole seconds, for a refusal that passes (429, 503).
    public let retryAfter: String?

    /// Creates a refusal.
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - code: The stable code, e.g. `clock_skew`.
    ///   - message: The sentence.
    ///   - retryAfter: The `Retry-After` value in whole seconds, if any.
    public init(_ status: HTTPResponse.Status, code: String, message: String, retryAfter: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    static func badRequest(_ message: String) -> SyncAPIError {
        SyncAPIError(.badRequest, code: "bad_request", message: message)
    }

    static func unauthorized(_ code: String, _ message: String) -> SyncAPIError {
        SyncAPIError(.unauthorized, code: code, message: message)
    }

    /// 503 `database_unavailable`: the database cannot be reached now; retry after `seconds`.
    static func databaseUnavailable(retryAfter seconds: String) -> SyncAPIError {
        SyncAPIError(
            .serviceUnavailable, code: "database_unavailable", message: "数据库暂时无法访问，请 \(seconds) 秒后重试",
            retryAfter: seconds)
    }

    static let tooLarge = SyncAPIError(.contentTooLarge, code: "too_large", message: "请求内容过大（解压后不得超过 8 MiB）")

    /// The JSON error response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONEncoder().encode(["error": ["code": code, "message": message]])
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Kiosk-Signature realm=\"kiosk-central\"" }
        if let retryAfter { headers[.retryAfter] = retryAfter }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
