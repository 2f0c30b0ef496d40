// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Logging

/// Turns every error into the JSON error body: refusals keep their code, malformed JSON is 400 naming the
/// field (never its value), a body too large 413, unknown routes 404, an unreachable database a logged 503 with
/// `Retry-After`, anything else a logged 500 without details.
struct SyncErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The `Retry-After` of a 503 for an unreachable database, in whole seconds.
    let databaseRetryAfter: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as SyncAPIError {
            throw error
        } catch let error as DecodingError {
            throw SyncAPIError.badRequest("请求内容无效：\(Self.path(of: error))")
        } catch let error as HTTPError {
            switch error.status {
            case .contentTooLarge: throw SyncAPIError.tooLarge
            case .notFound: throw SyncAPIError(.notFound, code: "not_found", message: "没有这个地址")
            default:
                throw SyncAPIError(error.status, code: "http_\(error.status.code)", message: error.status.reasonPhrase)
            }
        } catch let error as CentralError where error.code == .databaseUnavailable {
            context.logger.warning(
                "Database unavailable: answering 503",
                metadata: [
                    LogKey.error.rawValue: "\(error.message)", LogKey.retryAfter.rawValue: "\(databaseRetryAfter)",
                ])
            throw SyncAPIError.databaseUnavailable(retryAfter: databaseRetryAfter)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw SyncAPIError.tooLarge
        } catch {
            context.logger.error("Request failed", metadata: [LogKey.error.rawValue: "\(type(of: error))"])
            throw SyncAPIError(.internalServerError, code: "internal", message: "服务内部错误，请稍后重试")
        }
    }

    /// The offending field's path, without the value.
    private static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context? =
            switch error {
            case .keyNotFound(let key, let context):
                DecodingError.Context(codingPath: context.codingPath + [key], debugDescription: "")
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context
            @unknown default: nil
            }
        let path =
            context?.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") ?? ""
        return path.isEmpty ? "不是有效的 JSON" : path
    }
}
