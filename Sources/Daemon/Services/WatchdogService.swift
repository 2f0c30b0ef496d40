// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Logging
public import ServiceLifecycle

/// Pings systemd's watchdog while the hall answers, and says `STOPPING=1` when shutdown begins.
///
/// A ping is sent only after the hall actor has served a request, so a hung hall stops the pings and
/// systemd restarts the daemon (`WatchdogSec=` in the unit). Without a watchdog it only waits for
/// shutdown. `run()` returns once graceful shutdown is triggered.
public struct WatchdogService: Service {
    private let hall: HallService
    private let notifier: SystemdNotifier

    /// Creates the service.
    public init(hall: HallService, notifier: SystemdNotifier) {
        self.hall = hall
        self.notifier = notifier
    }

    /// Pings until graceful shutdown, then tells systemd the daemon is stopping.
    public func run() async throws {
        if let interval = notifier.watchdogInterval {
            try? await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    if (try? await hall.picture()) != nil { notifier.watchdog() }
                    try await Task.sleep(for: interval)
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier.stopping()
    }
}
