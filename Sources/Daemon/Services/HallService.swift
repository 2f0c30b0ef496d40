// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import HTTPTypes
import Logging
public import Queue
public import Store

/// The hall: owns the queue engine and its store, and serialises every operation on them.
///
/// Each operation runs the pure engine, writes the resulting change (rows and audit events) in one
/// durable SQLite transaction, and only then answers and publishes the events. If the write fails,
/// the engine is rebuilt from the store, so nothing is acknowledged that is not on disk.
public actor HallService {
    /// The hall's configuration.
    public nonisolated let configuration: HallConfiguration
    private let store: QueueStore
    private let broadcaster: EventBroadcaster
    private let now: @Sendable () -> Date
    private let logger: Logger
    private var engine: QueueEngine
    private var recentCalls: [StoredEvent]
    private var callReasons: [String: CallReason] = [:]

    /// Loads the hall from the store.
    /// - Parameters:
    ///   - configuration: The hall.
    ///   - store: Where its state lives.
    ///   - broadcaster: Where events go after they are committed.
    ///   - logger: For operator-facing messages (no personal data).
    ///   - now: The clock; tests inject their own.
    /// - Throws: ``StoreError`` when the state cannot be read.
    public init(
        configuration: HallConfiguration, store: QueueStore, broadcaster: EventBroadcaster, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) throws(StoreError) {
        self.configuration = configuration
        self.store = store
        self.broadcaster = broadcaster
        self.logger = logger
        self.now = now
        let snapshot = try store.snapshot(sampleSize: configuration.estimate.sampleSize)
        self.engine = QueueEngine(configuration: configuration, restoring: snapshot, now: now())
        self.recentCalls = try store.latestEvents(kinds: [.ticketCalled, .ticketRecalled], limit: Self.recentCallLimit)
    }

    private static let recentCallLimit = 10

    // MARK: Citizens

    /// Issues a ticket (取号) and estimates its wait.
    public func take(_ request: TakeRequest) throws -> (Ticket, TicketEstimate?) {
        let ticket = try perform { try $0.take(request, now: $1) }
        return (ticket, engine.estimate(for: ticket, now: now()))
    }

    /// A ticket by number with its current estimate.
    public func ticket(number: String) throws -> (Ticket, TicketEstimate?) {
        try rollOverIfNeeded()
        guard let ticket = engine.ticket(number: number) else {
            throw QueueError(.unknownTicket, "今天没有 \(number) 号")
        }
        return (ticket, engine.estimate(for: ticket, now: now()))
    }

    // MARK: Windows

    /// Calls the next ticket (叫号); `nil` when nobody waits.
    public func callNext(window: String) throws -> Call? {
        let call = try perform { try $0.callNext(window: window, now: $1) }
        callReasons[window] = call?.reason
        return call
    }

    /// Why the window's current ticket was picked, when it was called by ``callNext(window:)`` since start.
    public func callReason(window: String) -> CallReason? {
        guard let current = engine.window(window)?.currentTicket, let reason = callReasons[window] else { return nil }
        return engine.ticket(id: current)?.lastCalledAt != nil ? reason : nil
    }

    /// Recalls the window's current ticket (重呼).
    public func recall(window: String) throws -> Ticket {
        try perform { try $0.recall(window: window, now: $1) }
    }

    /// Skips the current ticket as a no-show (过号).
    public func skip(window: String) throws -> Ticket {
        try perform { try $0.skip(window: window, now: $1) }
    }

    /// Puts a skipped ticket back in line.
    public func reactivate(window: String, number: String) throws -> Ticket {
        try perform { try $0.reactivate(window: window, number: number, now: $1) }
    }

    /// Transfers the current ticket (转移) to a business and/or a window.
    public func transfer(window: String, toBusiness business: String?, toWindow target: String?) throws -> Ticket {
        try perform { try $0.transfer(window: window, toBusiness: business, toWindow: target, now: $1)
        }
    }

    /// Holds the current ticket (挂起).
    public func hold(window: String) throws -> Ticket {
        try perform { try $0.hold(window: window, now: $1) }
    }

    /// Calls a held ticket back (回呼).
    public func callBack(window: String, number: String) throws -> Ticket {
        try perform { try $0.callBack(window: window, number: number, now: $1) }
    }

    /// Finishes the current ticket (办结).
    public func finish(window: String, outcome: String?) throws -> Ticket {
        try perform { try $0.finish(window: window, outcome: outcome, now: $1) }
    }

    /// Pauses or resumes a window.
    public func setPaused(window: String, _ paused: Bool) throws -> WindowState {
        try perform { try $0.setPaused(window: window, paused, now: $1) }
    }

    /// Switches the businesses a window serves (潮汐窗口).
    public func setBusinesses(window: String, _ businesses: [ServedBusiness]) throws -> WindowState {
        try perform { try $0.setBusinesses(window: window, businesses, now: $1) }
    }

    /// Records a rating (好差评).
    public func rate(window: String, number: String, level: RatingLevel, reason: String?) throws -> Ticket {
        try perform { try $0.rate(window: window, number: number, level: level, reason: reason, now: $1)
        }
    }

    /// Records a citizen's rating (好差评) of a ticket of the current service day at the kiosk, for the window
    /// that finished it; once per ticket.
    /// - Parameters:
    ///   - number: The ticket's number.
    ///   - level: The level chosen.
    ///   - reason: An optional reason, at most 200 characters.
    /// - Returns: The rated ticket.
    /// - Throws: ``QueueError`` `unknownTicket`, `invalidArgument` (the reason is too long); ``APIError`` 409
    ///   `not_finished`, `already_rated`.
    public func rate(number: String, level: RatingLevel, reason: String?) throws -> Ticket {
        try rollOverIfNeeded()
        guard let ticket = engine.ticket(number: number), ticket.serviceDay == engine.serviceDay else {
            throw QueueError(.unknownTicket, "今天没有 \(number) 号")
        }
        guard ticket.status == .finished, let window = ticket.window else {
            throw APIError(.conflict, code: "not_finished", message: "这张号还没有办完，办完后再评价")
        }
        guard ticket.rating == nil else {
            throw APIError(.conflict, code: "already_rated", message: "这张号已经评价过了，谢谢")
        }
        return try perform { try $0.rate(window: window, number: ticket.number, level: level, reason: reason, now: $1) }
    }

    // MARK: Reading

    /// The hall's clock now (tests move their own).
    public nonisolated var currentTime: Date { now() }

    /// A consistent picture of the hall for one response.
    public struct Picture: Sendable {
        /// The engine's state at the moment of the request.
        public var engine: QueueEngine
        /// The moment.
        public var now: Date
        /// The latest calls, newest first.
        public var recentCalls: [StoredEvent]
    }

    /// The engine's state now (a value copy: reading it never blocks the hall).
    public func picture() throws -> Picture {
        try rollOverIfNeeded()
        return Picture(engine: engine, now: now(), recentCalls: recentCalls)
    }

    /// Logged events after a sequence number, for replaying a stream.
    public nonisolated func events(after seq: Int64) throws -> [StoredEvent] {
        try store.events(after: seq)
    }

    /// Rolls the day over when due and re-evaluates the alarms; called periodically.
    public func tick() throws {
        try commit(engine.startDayIfNeeded(now: now()))
        try commit(engine.evaluateAlarms(now: now()))
    }

    // MARK: Internals

    private func rollOverIfNeeded() throws {
        try commit(engine.startDayIfNeeded(now: now()))
    }

    /// Runs one engine operation and commits its change; the day rolls over first when due.
    private func perform<Value: Sendable>(
        _ operation: (inout QueueEngine, Date) throws -> Outcome<Value>
    ) throws -> Value {
        let moment = now()
        try commit(engine.startDayIfNeeded(now: moment))
        let outcome = try operation(&engine, moment)
        try commit(outcome.change)
        return outcome.value
    }

    private func commit(_ change: QueueChange) throws {
        guard !change.isEmpty else { return }
        let stored: [StoredEvent]
        do {
            stored = try store.apply(change)
        } catch {
            logger.error("Queue change not written; reloading state from the store", metadata: [LogKey.error.rawValue: "\(error)"])
            engine = QueueEngine(configuration: configuration, restoring: try store.snapshot(), now: now())
            throw error
        }
        let calls = stored.filter(\.event.kind.isCall)
        if !calls.isEmpty {
            recentCalls = Array((calls.reversed() + recentCalls).prefix(Self.recentCallLimit))
        }
        for event in stored where event.event.kind == .dayStarted || event.event.kind == .alarmChanged {
            logger.notice(
                "Queue event",
                metadata: [
                    LogKey.operation.rawValue: "\(event.event.kind.rawValue)",
                    LogKey.business.rawValue: "\(event.event.business ?? "-")",
                    LogKey.serviceDay.rawValue: "\(event.event.serviceDay)",
                ])
        }
        broadcaster.publish(stored)
    }
}
