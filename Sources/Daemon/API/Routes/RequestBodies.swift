// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Queue

/// `POST /api/v1/tickets`.
struct TakeBody: Decodable {
    var business: String
    var priority: String?
    var priorityCategory: String?
    var birthDate: String?
    /// A card session id from `card_read` / `GET /api/v1/card`: binds the ticket to the card holder.
    var card: String?
}

/// A body naming a ticket: reactivate, call-back.
struct NumberBody: Decodable {
    var number: String
}

/// `POST …/transfer`.
struct TransferBody: Decodable {
    var business: String?
    var window: String?
}

/// `POST …/finish`.
struct FinishBody: Decodable {
    var outcome: String?
}

/// `PUT …/businesses`.
struct BusinessesBody: Decodable {
    var businesses: [ServedBusiness]
}

/// `POST …/rate`.
struct RateBody: Decodable {
    var number: String
    var level: Int
    var reason: String?
}

extension Request {
    /// Decodes a JSON body, or returns `nil` for an empty body (for operations whose body is optional).
    func decodeIfPresent<Body: Decodable>(_ type: Body.Type, context: KioskRequestContext) async throws -> Body? {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return nil }
        return try context.requestDecoder.decode(type, from: Data(buffer.readableBytesView))
    }

    /// Decodes a required JSON body; an empty body is a 400.
    func decodeRequired<Body: Decodable>(_ type: Body.Type, context: KioskRequestContext) async throws -> Body {
        guard let body = try await decodeIfPresent(type, context: context) else {
            throw APIError.badRequest("请求内容不能为空")
        }
        return body
    }
}
