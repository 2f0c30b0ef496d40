// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import SyncClient

/// How the kiosk is connected to the central server: not at all (no `[sync]`), configured but not enrolled,
/// or syncing through a client.
enum SyncLink: Sendable {
    /// No `[sync]` table: the kiosk works alone.
    case off
    /// `[sync]` names a server but the device identity is missing or unusable.
    case notEnrolled(server: URL, problem: String)
    /// Syncing.
    case syncing(SyncClient, server: URL, identity: DeviceIdentity)

    /// Wakes the client because the kiosk committed a new outbox operation; nothing when not syncing.
    func notifyLocalWrite() {
        if case .syncing(let client, _, _) = self { client.notifyLocalWrite() }
    }
}
