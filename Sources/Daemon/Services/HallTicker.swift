// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Logging
public import ServiceLifecycle

/// Wakes the hall periodically: rolls the day over at local midnight, re-evaluates the five-colour
/// alarms (the longest wait grows with time alone), and pings event streams.
///
/// `run()` loops until graceful shutdown or cancellation; nothing is lost by stopping it mid-wait.
public struct HallTicker: Service {
    private let hall: HallService
    private let broadcaster: EventBroadcaster
    private let interval: Duration
    private let logger: Logger

    /// Creates a ticker.
    /// - Parameters:
    ///   - hall: The hall to wake.
    ///   - broadcaster: The streams to keep alive.
    ///   - interval: How often (default 15 s).
    ///   - logger: Where failures go.
    public init(hall: HallService, broadcaster: EventBroadcaster, interval: Duration = .seconds(15), logger: Logger) {
        self.hall = hall
        self.broadcaster = broadcaster
        self.interval = interval
        self.logger = logger
    }

    /// Ticks until graceful shutdown.
    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    try await hall.tick()
                } catch {
                    logger.error("Periodic hall update failed", metadata: [LogKey.error.rawValue: "\(error)"])
                }
                broadcaster.ping()
            }
        }
    }
}
