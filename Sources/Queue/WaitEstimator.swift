// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Estimates how long a waiting ticket still waits.
///
/// The method is state-dependent, after Whitt (1999, "Predicting Queueing Delays"): it looks at who is
/// being served now, not only at how many wait.
///
/// 1. **Service time of the business** `S`: the mean of its last `sampleSize` service times, shrunk
///    towards the configured typical time with `priorWeight` pseudo-samples, so the first few
///    measurements do not swing the estimate: `S = (Σ samples + k·typical) / (n + k)`.
/// 2. **Servers**: every open (not paused) window that serves the business. A 综合窗口 serving several
///    businesses gives this one only a share of its time, `share = w_b / Σ w` over the businesses it serves
///    that have someone waiting, so one of our tickets occupies it for `S / share`.
/// 3. **When each server frees**: a window serving someone now frees after the expected remainder of that
///    service, `max(S_current − elapsed, 0.2·S_current)`; an idle window is free now.
/// 4. **Replay**: the `ahead` tickets take, in order, whichever server frees first; the ticket's wait is
///    when the next server frees after them. Past 200 ahead the rest is added at the fluid rate
///    `Σ share / S`, so an estimate stays cheap with thousands waiting.
///
/// It returns `nil` when no open window serves the business: the queue shows the position only.
/// The baseline it is measured against is ``naive(ahead:meanServiceSeconds:openWindows:)``.
public enum WaitEstimator {
    /// A window that can serve the business.
    public struct Server: Sendable, Hashable {
        /// The fraction of its time it gives this business (0…1].
        public var share: Double
        /// Seconds until it is free for the next ticket.
        public var freeIn: Double

        /// Creates a server.
        public init(share: Double, freeIn: Double) {
            self.share = share
            self.freeIn = freeIn
        }
    }

    /// The shrunk mean service time: `(Σ samples + priorWeight·prior) / (n + priorWeight)`.
    public static func serviceSeconds(samples: [Double], typical: Double, priorWeight: Int) -> Double {
        let weight = Double(max(0, priorWeight))
        guard !samples.isEmpty || weight > 0 else { return typical }
        return (samples.reduce(0, +) + weight * typical) / (Double(samples.count) + weight)
    }

    /// The expected seconds until a service that has run `elapsed` seconds ends.
    public static func remaining(serviceSeconds: Double, elapsed: Double) -> Double {
        max(serviceSeconds - elapsed, 0.2 * serviceSeconds)
    }

    /// The estimated wait in seconds of a ticket with `ahead` people before it, or `nil` without servers.
    public static func estimate(ahead: Int, serviceSeconds: Double, servers: [Server]) -> Double? {
        let usable = servers.filter { $0.share > 0 }
        guard !usable.isEmpty else { return nil }
        var freeAt = usable.map(\.freeIn)
        let replayed = min(ahead, 200)
        for _ in 0..<replayed {
            let next = freeAt.indices.min { freeAt[$0] < freeAt[$1] }!
            freeAt[next] += serviceSeconds / usable[next].share
        }
        let rate = usable.reduce(0) { $0 + $1.share } / serviceSeconds
        return freeAt.min()! + Double(ahead - replayed) / rate
    }

    /// The naive baseline: people ahead × mean service time ÷ open windows.
    public static func naive(ahead: Int, meanServiceSeconds: Double, openWindows: Int) -> Double? {
        guard openWindows > 0 else { return nil }
        return Double(ahead) * meanServiceSeconds / Double(openWindows)
    }
}
