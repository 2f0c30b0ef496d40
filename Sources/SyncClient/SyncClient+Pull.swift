// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOHTTP1
import SyncProtocol

extension SyncClient {
    /// Pulls one stream page by page until the server has no more, resuming from the inbox's cursor. Each page is
    /// applied together with its cursor; `must_resync` drops the stream's cursor and starts it over (once a round).
    func pull(_ stream: PullStream, over transport: SyncTransport) async throws {
        switch stream {
        case .catalogue: try await pullPages(of: stream, as: MatterEntry.self, over: transport, apply: inbox.applyCatalogue)
        case .bookings: try await pullPages(of: stream, as: BookingEntry.self, over: transport, apply: inbox.applyBookings)
        case .caseStatus:
            try await pullPages(of: stream, as: CaseStatusChange.self, over: transport, apply: inbox.applyCaseStatus)
        }
    }

    private func pullPages<Change: Sendable & Hashable & Codable>(
        of stream: PullStream, as type: Change.Type, over transport: SyncTransport,
        apply: @Sendable ([Change], String) async throws -> Void
    ) async throws {
        var cursor = try await inbox.cursor(for: stream)
        var resynced = false
        while true {
            let answer = try await transport.send(.GET, Self.pullPath(stream, cursor: cursor), signedBy: identity)
            let metadata: Logger.Metadata = [
                LogKey.stream.rawValue: "\(stream.rawValue)", LogKey.status.rawValue: "\(answer.status)",
            ]
            switch answer.status {
            case 200: break
            case 304: return
            default: throw answer.refusal(of: "pull \(stream.rawValue)")
            }
            guard let page = try? SyncJSON.decoder().decode(PullPage<Change>.self, from: answer.body) else {
                throw SyncClientError(.unexpectedAnswer, "pull \(stream.rawValue): 200 without a valid page")
            }
            if page.mustResync {
                guard !resynced else {
                    throw SyncClientError(.unexpectedAnswer, "pull \(stream.rawValue): must_resync from the start")
                }
                logger.info("the server asks to pull a stream from the start", metadata: metadata)
                try await inbox.resetStream(stream)
                cursor = nil
                resynced = true
                continue
            }
            try await apply(page.changes, page.nextCursor)
            logger.debug("applied a pulled page", metadata: metadata.merging([LogKey.changes.rawValue: "\(page.changes.count)"]) { $1 })
            guard page.hasMore else { return }
            cursor = page.nextCursor
        }
    }

    /// `/sync/v1/pull/{stream}`, with `?cursor=` when resuming.
    static func pullPath(_ stream: PullStream, cursor: String?) -> String {
        let path = "/sync/v1/pull/\(stream.rawValue)"
        guard let cursor else { return path }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#")
        return path + "?cursor=" + (cursor.addingPercentEncoding(withAllowedCharacters: allowed) ?? cursor)
    }
}
