// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// How far the outbox is from the central server (`GET /api/v1/sync/status`).
public struct SyncStatus: Sendable, Hashable, Decodable {
    /// One sentence in Chinese for the agent's screen.
    public var message: String
    /// Operations not yet acknowledged by the central server.
    public var pendingCount: Int

    /// Creates a status.
    public init(message: String, pendingCount: Int) {
        self.message = message
        self.pendingCount = pendingCount
    }
}
