// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Store

/// The outbox's state for the agent's screen (schema `SyncStatus`).
struct SyncStatusView: Encodable {
    let summary: SyncSummary

    private enum Keys: String, CodingKey {
        case pendingCount = "pending_count", oldestPendingAt = "oldest_pending_at"
        case oldestPendingAgeSeconds = "oldest_pending_age_seconds", rejectedCount = "rejected_count"
        case lastError = "last_error", lastErrorAt = "last_error_at", lastSuccessAt = "last_success_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(summary.pendingCount, forKey: .pendingCount)
        try container.encode(summary.oldestPendingAt, forKey: .oldestPendingAt)
        try container.encode(summary.oldestPendingAge.map { Int($0.rounded(.down)) }, forKey: .oldestPendingAgeSeconds)
        try container.encode(summary.rejectedCount, forKey: .rejectedCount)
        try container.encode(summary.lastError, forKey: .lastError)
        try container.encode(summary.lastErrorAt, forKey: .lastErrorAt)
        try container.encode(summary.lastSuccessAt, forKey: .lastSuccessAt)
    }
}
