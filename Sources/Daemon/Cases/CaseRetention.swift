// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import ServiceLifecycle
import Store

/// Erases the personal data of cases the central server settled more than `[cases] retention_days` ago.
///
/// `run()` purges at start and then every `interval` until cancelled or graceful shutdown; a purge is one
/// short transaction, so stopping never leaves one half done.
struct CaseRetention: Service {
    let cases: CaseService
    /// How long settled cases keep their sealed personal data.
    let retention: TimeInterval
    let now: @Sendable () -> Date
    let logger: Logger
    var interval: Duration = .seconds(3600)

    /// Purges now, then every ``interval``, until cancelled or graceful shutdown.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await purge()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One purge; a failure is logged and retried at the next interval.
    func purge() async {
        let at = now()
        let cutoff = at.addingTimeInterval(-retention)
        do {
            let purged = try await cases.perform { try $0.purgeAcknowledged(olderThan: cutoff, at: at) }
            if purged > 0 { logger.notice("Purged settled cases' personal data", metadata: [LogKey.purged.rawValue: "\(purged)"]) }
        } catch {
            logger.error("Settled cases not purged", metadata: [LogKey.error.rawValue: "\(error)"])
        }
    }
}
