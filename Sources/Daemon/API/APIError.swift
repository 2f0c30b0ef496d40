// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
public import Hummingbird
import Queue

/// An API refusal: an HTTP status and the JSON body `{"error": {"code": …, "message": …}}`.
public struct APIError: HTTPResponseError, Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A stable snake_case code for programs.
    public let code: String
    /// A sentence for people, in Chinese; never personal data.
    public let message: String
    /// The ticket the refusal is about, e.g. the number a card holder already took today.
    public let ticketNumber: String?

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, message: String, ticketNumber: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.ticketNumber = ticketNumber
    }

    /// Maps a queue refusal to its HTTP status.
    init(_ error: QueueError) {
        let status: HTTPResponse.Status =
            switch error.code {
            case .unknownBusiness, .unknownWindow, .unknownTicket: .notFound
            case .notThisWindow: .forbidden
            case .invalidArgument: .badRequest
            default: .conflict
            }
        self.init(status, code: error.code.description, message: error.message, ticketNumber: error.ticketNumber)
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(.badRequest, code: "bad_request", message: message)
    }

    static let unauthorized = APIError(.unauthorized, code: "unauthorized", message: "需要本窗口的令牌（Authorization: Bearer …）")

    /// The JSON error response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = ["code": code, "message": message]
        if let ticketNumber { fields["ticket_number"] = ticketNumber }
        let body = try JSONCoding.encoder.encode(["error": fields])
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"kioskd\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
