// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Queue
import ServiceLifecycle
import Store

/// Puts the queue's ratings (好差评) and finished days' statistics into the outbox, so they reach the central
/// server the way cases do.
///
/// `run()` forwards at start, whenever the queue logs a rating or starts a new day, and every ``interval`` as
/// a backstop, until cancelled or graceful shutdown. Each forward is one transaction that also moves its marks
/// (``CaseStore/forwardQueueRecords(before:at:limit:)``), so nothing is forwarded twice or lost.
struct QueueRecordForwarder: Service, CustomStringConvertible {
    let cases: CaseService
    let broadcaster: EventBroadcaster
    let sync: SyncLink
    let timeZone: TimeZone
    let now: @Sendable () -> Date
    let logger: Logger
    var interval: Duration = .seconds(300)

    /// Names the service in ServiceLifecycle's log lines, without dumping its members.
    var description: String { "QueueRecordForwarder" }

    /// Forwards now, on each rating or new day, and every ``interval``.
    func run() async throws {
        let events = broadcaster.subscribe()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                let (triggers, trigger) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
                group.addTask {
                    for await message in events {
                        guard case .event(let stored) = message,
                            [.ticketRated, .dayStarted].contains(stored.event.kind)
                        else { continue }
                        trigger.yield()
                    }
                    // The broadcaster ended its streams (it shuts down first); the timer still triggers.
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        trigger.yield()
                    }
                }
                await forward()
                for await _ in triggers {
                    await forward()
                }
                group.cancelAll()
            }
        }
    }

    /// One forward; a failure is logged and retried at the next trigger.
    func forward() async {
        let at = now()
        let today = ServiceDay(of: at, in: timeZone).text
        do {
            let forwarded = try await cases.perform { try $0.forwardQueueRecords(before: today, at: at) }
            guard !forwarded.isEmpty else { return }
            logger.info(
                "Queue records put into the outbox",
                metadata: [LogKey.ratings.rawValue: "\(forwarded.ratings)", LogKey.days.rawValue: "\(forwarded.days)"])
            sync.notifyLocalWrite()
        } catch {
            logger.error("Queue records not put into the outbox", metadata: [LogKey.error.rawValue: "\(error)"])
        }
    }
}
