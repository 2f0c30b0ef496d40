// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Exponential backoff with full jitter: after the n-th failure in a row, wait a uniformly random time between
/// zero and `min(cap, base × 2ⁿ⁻¹)`. Full jitter spreads 4,000 kiosks that lost the server at the same moment
/// over the whole window instead of sending them back in waves.
public struct Backoff: Sendable, Hashable {
    /// The bounds of the wait.
    ///
    /// - Configuration keys:
    ///   - `base` (`Duration`, default 1 s): the window after the first failure.
    ///   - `cap` (`Duration`, default 5 min): the widest window.
    public struct Configuration: Sendable, Hashable {
        /// The window after the first failure.
        public var base: Duration = .seconds(1)
        /// The widest window.
        public var cap: Duration = .seconds(300)

        /// Creates bounds.
        public init(base: Duration = .seconds(1), cap: Duration = .seconds(300)) {
            self.base = base
            self.cap = cap
        }
    }

    /// The bounds.
    public let configuration: Configuration
    /// Failures in a row so far.
    public private(set) var failures = 0

    /// Creates a backoff with no failure yet.
    /// - Parameter configuration: The bounds.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The window the next wait is drawn from, after ``failures`` failures: `min(cap, base × 2^(failures − 1))`.
    public var window: Duration {
        guard failures > 0 else { return .zero }
        // Doubling past 2³⁰ only overflows: every sane cap is reached long before.
        let doublings = min(failures - 1, 30)
        let widened = configuration.base * (1 << doublings)
        return min(widened, configuration.cap)
    }

    /// Counts a failure and draws the wait before the next attempt.
    /// - Parameter jitter: A uniform random number in `0...1` (injected so tests can pin it).
    /// - Returns: The wait, `window × jitter`.
    public mutating func nextDelay(jitter: Double) -> Duration {
        failures += 1
        return window * min(max(jitter, 0), 1)
    }

    /// Forgets the failures after a success.
    public mutating func reset() {
        failures = 0
    }
}
