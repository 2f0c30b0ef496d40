// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// `POST /sync/v1/report`: how far behind the kiosk's outbox is, sent after each sync round that reached the
/// server, so the prefecture's operator sees which points are behind even when their kiosks are online.
/// Counts and times only: no case, no person.
public struct DeviceReport: Sendable, Hashable, Codable {
    /// Operations the kiosk holds that the server has not acknowledged.
    public var pendingCount: Int
    /// When the oldest of them was created (device clock, evidence only), `nil` when none is pending.
    public var oldestPendingCreatedAt: Date?
    /// Operations the server rejected, which the agent has to redo.
    public var rejectedCount: Int
    /// The kiosk's last sync error (no personal data), `nil` after a good round.
    public var lastError: String?
    /// The kiosk's software version.
    public var softwareVersion: String

    /// Creates a report.
    public init(pendingCount: Int, oldestPendingCreatedAt: Date?, rejectedCount: Int, lastError: String?, softwareVersion: String) {
        self.pendingCount = pendingCount
        self.oldestPendingCreatedAt = oldestPendingCreatedAt
        self.rejectedCount = rejectedCount
        self.lastError = lastError
        self.softwareVersion = softwareVersion
    }

    private enum CodingKeys: String, CodingKey {
        case pendingCount = "pending_count", oldestPendingCreatedAt = "oldest_pending_created_at"
        case rejectedCount = "rejected_count", lastError = "last_error", softwareVersion = "software_version"
    }
}
