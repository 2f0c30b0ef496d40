// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Admission control of `POST /sync/v1/push`: at most ``maximumInFlight`` pushes are handled at once, and a push
/// above that is answered `429 Too Many Requests` with `Retry-After` before its body is read or anything is
/// written. When 4,000 kiosks come back together the server sheds the excess cheaply and keeps its database pool
/// busy with the pushes it admitted, instead of queueing every decoded batch until the kiosks' requests time out;
/// the refused kiosks retry after their backoff with full jitter.
///
/// - Configuration keys: `maximumInFlight` (int, default 64: about three times the database pool of 20, so every
///   connection has a push ready while the rest wait in memory, not in the kiosks' timeouts), `retryAfter`
///   (`Duration`, default 1 s, sent in whole seconds, at least 1).
public struct PushAdmission: Sendable, Hashable {
    /// The most pushes handled at once; must be at least 1.
    public var maximumInFlight: Int
    /// The wait a refused push is asked to keep, sent as `Retry-After` in whole seconds (at least 1).
    public var retryAfter: Duration

    /// Creates the settings.
    /// - Parameters:
    ///   - maximumInFlight: The most pushes handled at once (at least 1).
    ///   - retryAfter: The wait asked of a refused push.
    public init(maximumInFlight: Int = 64, retryAfter: Duration = .seconds(1)) {
        precondition(maximumInFlight >= 1, "at least one push must be admitted")
        self.maximumInFlight = maximumInFlight
        self.retryAfter = retryAfter
    }

    /// The `Retry-After` value sent: ``retryAfter`` in whole seconds, rounded up, at least 1.
    public var retryAfterHeader: String { retryAfter.retryAfterHeader }
}
