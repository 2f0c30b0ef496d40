// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Logging
import Queue

/// Turns every error into the API's JSON error body: queue refusals keep their code, malformed
/// requests become 400, unknown routes 404, and anything unexpected a logged 500 without details.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as QueueError {
            throw APIError(error)
        } catch let error as DecodingError {
            throw APIError.badRequest("请求内容无效：\(Self.describe(error))")
        } catch let error as HTTPError {
            throw Self.map(error)
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, code: Self.code(for: error.status), message: error.status.reasonPhrase)
        } catch {
            context.logger.error("Request failed", metadata: [LogKey.error.rawValue: "\(error)"])
            throw APIError(.internalServerError, code: "internal", message: "服务内部错误，请联系管理员")
        }
    }

    private static func map(_ error: HTTPError) -> APIError {
        switch error.status {
        case .notFound: APIError(.notFound, code: "not_found", message: "没有这个地址")
        case .methodNotAllowed: APIError(.methodNotAllowed, code: "method_not_allowed", message: "不支持这个请求方法")
        case .contentTooLarge: APIError(.contentTooLarge, code: "too_large", message: "请求内容过大")
        case .badRequest: APIError.badRequest("请求内容无效：\(error.body ?? "JSON 格式错误")")
        default: APIError(error.status, code: code(for: error.status), message: error.body ?? error.status.reasonPhrase)
        }
    }

    private static func code(for status: HTTPResponse.Status) -> String {
        status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
    }

    /// Names the offending field without echoing values.
    private static func describe(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        let what: String
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            what = "缺少字段"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            path = context.codingPath
            what = "类型不对"
        case .dataCorrupted(let context):
            path = context.codingPath
            what = path.isEmpty ? "不是有效的 JSON" : "取值无效"
        @unknown default:
            return "JSON 格式错误"
        }
        let field = path.map { $0.intValue.map(String.init) ?? Self.snakeCase($0.stringValue) }.joined(separator: ".")
        return field.isEmpty ? what : "\(field) \(what)"
    }

    private static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
