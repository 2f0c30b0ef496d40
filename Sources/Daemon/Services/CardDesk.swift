// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import IDCard
import Queue
import Synchronization

/// The card on the reader, for the few minutes a citizen needs to choose a business.
///
/// A read card becomes a *card session* with a random id; the menu takes a ticket by naming that id,
/// so the identity itself never leaves the daemon. Only the latest card is kept, in memory only, and
/// it is forgotten when the card is removed plus a grace time, or when it expires.
public final class CardDesk: Sendable {
    /// One read card.
    public struct Session: Sendable {
        /// The random id the menu refers to.
        public let id: String
        /// The identity (masked when printed).
        public let identity: CardIdentity
        /// When it was read.
        public let readAt: Date
        /// The card's WLT photo (1,024 opaque bytes; empty when not read).
        public let photo: [UInt8]

        /// Whether the holder is at or over `elderlyAge` on the hall's local day of `now`.
        public func isElderly(age elderlyAge: Int, timeZone: TimeZone, now: Date) -> Bool {
            let age = LocalClock(timeZone: timeZone).age(birthDate: identity.birthDateForAgeRule, on: now)
            return age.map { $0 >= elderlyAge } ?? false
        }
    }

    private struct State {
        var current: Session?
        var removedAt: Date?
    }

    private let state = Mutex(State())
    private let lifetime: TimeInterval
    private let graceAfterRemoval: TimeInterval

    /// Creates an empty desk.
    /// - Parameters:
    ///   - lifetime: How long a read card can be used (default 3 minutes).
    ///   - graceAfterRemoval: How long after the card leaves the reader it can still be used (default 60 s):
    ///     citizens take their card back before they tap a business.
    public init(lifetime: TimeInterval = 180, graceAfterRemoval: TimeInterval = 60) {
        self.lifetime = lifetime
        self.graceAfterRemoval = graceAfterRemoval
    }

    /// Keeps a newly read card, replacing any earlier one.
    /// - Parameters:
    ///   - identity: The holder.
    ///   - photo: The card's WLT photo.
    ///   - now: When it was read.
    /// - Returns: The new session.
    public func accept(_ identity: CardIdentity, photo: [UInt8] = [], at now: Date) -> Session {
        let session = Session(id: UUID().uuidString.lowercased(), identity: identity, readAt: now, photo: photo)
        state.withLock { $0 = State(current: session, removedAt: nil) }
        return session
    }

    /// Notes that the card left the reader.
    public func removed(at now: Date) {
        state.withLock { state in
            if state.current != nil, state.removedAt == nil { state.removedAt = now }
        }
    }

    /// The session with this id, while it is still valid.
    public func session(_ id: String, at now: Date) -> Session? {
        state.withLock { state in
            guard let session = state.current, session.id == id else { return nil }
            let expired =
                now.timeIntervalSince(session.readAt) > lifetime
                || state.removedAt.map { now.timeIntervalSince($0) > graceAfterRemoval } ?? false
            if expired { state = State() }
            return expired ? nil : session
        }
    }

    /// The current valid session, if any.
    public func current(at now: Date) -> Session? {
        guard let id = state.withLock({ $0.current?.id }) else { return nil }
        return session(id, at: now)
    }

    /// Forgets the card (e.g. after its ticket was taken).
    public func forget(_ id: String) {
        state.withLock { state in
            if state.current?.id == id { state = State() }
        }
    }
}
