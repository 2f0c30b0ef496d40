// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Store
import SyncClient

/// Where sync stands, for the agent's screen (schema `SyncStatus`): the outbox's counts, how the link to the
/// central server is, and one sentence in Chinese that says it all.
struct SyncStatusView: Encodable {
    /// How the kiosk is connected, as the view shows it.
    struct Link: Sendable {
        /// `off`, `not_enrolled`, `syncing` or `stopped` (revoked: the device must be enrolled again).
        var state: String
        /// The server's base URL, `nil` when off.
        var server: String?
        /// The enrolled device id.
        var deviceID: String?
        /// The enrolled point's name.
        var pointName: String?
        /// Failed rounds in a row.
        var consecutiveFailures: Int

        /// What the link says now; asks the client when syncing.
        static func of(_ sync: SyncLink) async -> Link {
            switch sync {
            case .off:
                return Link(state: "off", consecutiveFailures: 0)
            case .notEnrolled(let server, _):
                return Link(state: "not_enrolled", server: server.absoluteString, consecutiveFailures: 0)
            case .syncing(let client, let server, let identity):
                let status = try? await client.status()
                return Link(
                    state: status?.stopped == true ? "stopped" : "syncing", server: server.absoluteString,
                    deviceID: identity.deviceID, pointName: identity.pointName,
                    consecutiveFailures: status?.consecutiveFailures ?? 0)
            }
        }
    }

    let summary: SyncSummary
    let link: Link

    /// One sentence for the agent: whether everything reached the central server, and if not, why.
    var message: String {
        switch link.state {
        case "off": return summary.pendingCount == 0 ? "本机未连接中心，办件保存在本机" : "本机未连接中心，\(summary.pendingCount) 项保存在本机"
        case "not_enrolled": return "本机尚未在中心登记，\(summary.pendingCount) 项待上传，请联系技术人员"
        case "stopped": return "中心已停用本机，\(summary.pendingCount) 项待上传，请联系技术人员"
        default: break
        }
        guard summary.pendingCount > 0 else { return "已全部上传到中心" }
        let age = summary.oldestPendingAge.map(Self.describe) ?? ""
        let waiting = "\(summary.pendingCount) 项待上传" + (age.isEmpty ? "" : "，最早的已等 \(age)")
        return link.consecutiveFailures > 0 ? waiting + "；网络或中心暂不可用，将自动重试" : waiting
    }

    private static func describe(_ age: TimeInterval) -> String {
        switch age {
        case ..<60: "不到 1 分钟"
        case ..<3600: "\(Int(age / 60)) 分钟"
        case ..<86_400: "\(Int(age / 3600)) 小时"
        default: "\(Int(age / 86_400)) 天"
        }
    }

    private enum Keys: String, CodingKey {
        case state, message, server, deviceID = "device_id", pointName = "point_name"
        case pendingCount = "pending_count", oldestPendingAt = "oldest_pending_at"
        case oldestPendingAgeSeconds = "oldest_pending_age_seconds", rejectedCount = "rejected_count"
        case lastAckedSeq = "last_acked_seq", consecutiveFailures = "consecutive_failures"
        case lastError = "last_error", lastErrorAt = "last_error_at", lastSuccessAt = "last_success_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(link.state, forKey: .state)
        try container.encode(message, forKey: .message)
        try container.encode(link.server, forKey: .server)
        try container.encode(link.deviceID, forKey: .deviceID)
        try container.encode(link.pointName, forKey: .pointName)
        try container.encode(summary.pendingCount, forKey: .pendingCount)
        try container.encode(summary.oldestPendingAt, forKey: .oldestPendingAt)
        try container.encode(summary.oldestPendingAge.map { Int($0.rounded(.down)) }, forKey: .oldestPendingAgeSeconds)
        try container.encode(summary.rejectedCount, forKey: .rejectedCount)
        try container.encode(summary.lastAckedSeq, forKey: .lastAckedSeq)
        try container.encode(link.consecutiveFailures, forKey: .consecutiveFailures)
        try container.encode(summary.lastError, forKey: .lastError)
        try container.encode(summary.lastErrorAt, forKey: .lastErrorAt)
        try container.encode(summary.lastSuccessAt, forKey: .lastSuccessAt)
    }
}
