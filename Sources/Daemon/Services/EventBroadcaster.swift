// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Logging
public import ServiceLifecycle
import Store
import Synchronization

/// Fans logged queue events out to every open event stream (displays, window pages, the menu).
///
/// Subscribing and publishing are synchronous under a lock, so a stream that ends (a display
/// closed its connection) unsubscribes itself at once. As a ``Service``, `run()` waits for graceful
/// shutdown and then ends every stream, so the HTTP server can drain its connections.
public final class EventBroadcaster: Service {
    /// What a subscriber receives.
    public enum Message: Sendable {
        /// A logged event.
        case event(StoredEvent)
        /// A card, reader or printer event (never logged, never replayed; masked data only).
        case live(LiveEvent)
        /// A keep-alive tick, so proxies and browsers keep the stream open.
        case ping
    }

    private struct State {
        var nextID = 0
        var subscribers: [Int: AsyncStream<Message>.Continuation] = [:]
        var finished = false
    }

    private let state = Mutex(State())

    /// Creates a broadcaster with no subscribers.
    public init() {}

    /// A new stream of everything published from now on. It buffers at most 1,000 messages for a slow reader.
    public func subscribe() -> AsyncStream<Message> {
        let (stream, continuation) = AsyncStream<Message>.makeStream(bufferingPolicy: .bufferingNewest(1000))
        let id: Int? = state.withLock { state in
            guard !state.finished else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = continuation
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// How many streams are open.
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// Sends events to every stream, in order.
    public func publish(_ events: [StoredEvent]) {
        guard !events.isEmpty else { return }
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for continuation in subscribers {
            for event in events { continuation.yield(.event(event)) }
        }
    }

    /// Sends a card, reader or printer event to every stream.
    public func publish(live event: LiveEvent) {
        for continuation in state.withLock({ Array($0.subscribers.values) }) {
            continuation.yield(.live(event))
        }
    }

    /// Sends a keep-alive to every stream.
    public func ping() {
        for continuation in state.withLock({ Array($0.subscribers.values) }) {
            continuation.yield(.ping)
        }
    }

    /// Waits for graceful shutdown, then ends every stream and refuses new ones.
    public func run() async throws {
        try? await gracefulShutdown()
        let subscribers = state.withLock { state in
            state.finished = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        subscribers.forEach { $0.finish() }
    }
}
