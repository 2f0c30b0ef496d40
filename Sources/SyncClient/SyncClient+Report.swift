// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOHTTP1
import SyncProtocol

extension SyncClient {
    /// Tells the server how far behind the outbox is (`POST /sync/v1/report`), after a round that reached it.
    /// Best effort: a failure is logged and the next round reports again.
    func report(over transport: SyncTransport) async {
        do {
            let status = try await outbox.status()
            let report = DeviceReport(
                pendingCount: status.pendingCount, oldestPendingCreatedAt: status.oldestPendingCreatedAt,
                rejectedCount: status.rejectedCount, lastError: status.lastError,
                softwareVersion: configuration.softwareVersion)
            let answer = try await transport.send(
                .POST, "/sync/v1/report", body: try SyncJSON.encoder().encode(report), signedBy: identity)
            logger.debug(
                "reported the outbox",
                metadata: [LogKey.status.rawValue: "\(answer.status)", LogKey.count.rawValue: "\(status.pendingCount)"])
        } catch {
            logger.debug("outbox report not sent", metadata: [LogKey.error.rawValue: "\(error)"])
        }
    }
}
