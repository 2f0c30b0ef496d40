// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue

/// A simulated hall day driven through the real engine, to measure the waiting-time estimate.
///
/// 08:30–17:30, three businesses with different service times (log-normal), arrivals with a morning
/// and an afternoon peak (Poisson, thinned), five windows of which one is a 综合窗口 and one takes a
/// lunch break. At every take it records our estimate and the naive one; the actual wait is the time
/// to the first call.
struct DaySimulation {
    struct Result {
        var tickets: Int
        var meanAbsoluteError: Double
        var naiveMeanAbsoluteError: Double
    }

    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    static let configuration = HallConfiguration(
        name: "模拟大厅",
        timeZone: TimeZone(identifier: "Asia/Shanghai")!,
        businesses: [
            Business(code: "social", name: "社保", prefix: "A", typicalServiceSeconds: 300),
            Business(code: "housing", name: "不动产", prefix: "B", typicalServiceSeconds: 600),
            Business(code: "consult", name: "咨询", prefix: "C", typicalServiceSeconds: 300),
        ],
        windows: [
            Window(id: "1", name: "1", businesses: [ServedBusiness(business: "social")]),
            Window(id: "2", name: "2", businesses: [ServedBusiness(business: "social")]),
            Window(id: "3", name: "3", businesses: [ServedBusiness(business: "housing")]),
            Window(id: "4", name: "4", businesses: [ServedBusiness(business: "housing"), ServedBusiness(business: "consult")]),
            Window(id: "5", name: "5", businesses: [ServedBusiness(business: "consult")]),
        ],
        callingPolicy: .interleave(priority: 2, normal: 1))

    /// Mean service seconds per business (the engine is not told; it learns them).
    private static let meanService = ["social": 360.0, "housing": 900.0, "consult": 150.0]
    /// Arrivals per hour at the peak.
    private static let peakRate = ["social": 26.0, "housing": 7.0, "consult": 30.0]

    mutating func run() throws -> Result {
        let open = ISO8601DateFormatter().date(from: "2026-11-23T08:30:00+08:00")!
        let close = open.addingTimeInterval(9 * 3600)
        let lunchStart = open.addingTimeInterval(3.5 * 3600)
        let lunchEnd = open.addingTimeInterval(5 * 3600)
        var engine = QueueEngine(configuration: Self.configuration, now: open)
        var predictions: [Int64: (ours: Double, naive: Double)] = [:]
        var errors: [(Double, Double)] = []
        var busyUntil: [String: Date] = [:]
        var arrivals = Self.arrivals(from: open, to: close, random: &random)
        var lunchTaken = false
        var lunchOver = false
        var now = open
        while now < close.addingTimeInterval(4 * 3600) {
            now = now.addingTimeInterval(10)
            if !lunchTaken, now >= lunchStart {
                lunchTaken = true
                _ = try engine.setPaused(window: "2", true, now: now)
            }
            if !lunchOver, now >= lunchEnd {
                lunchOver = true
                _ = try engine.setPaused(window: "2", false, now: now)
            }
            while let next = arrivals.first, next.at <= now {
                arrivals.removeFirst()
                let ticket = try engine.take(TakeRequest(business: next.business, birthDate: next.elderly ? "19400101" : nil), now: now).value
                guard let estimate = engine.estimate(for: ticket, now: now), let ours = estimate.waitSeconds,
                    let naive = engine.naiveWait(ahead: estimate.ahead)
                else { continue }
                predictions[ticket.id] = (ours, naive)
            }
            for window in Self.configuration.windows.map(\.id) {
                guard busyUntil[window].map({ $0 <= now }) ?? true, engine.window(window)?.paused == false else { continue }
                if engine.window(window)?.currentTicket != nil {
                    _ = try engine.finish(window: window, outcome: nil, now: now)
                }
                guard let call = try engine.callNext(window: window, now: now).value else { continue }
                let actual = now.timeIntervalSince(call.ticket.takenAt)
                if let predicted = predictions[call.ticket.id] {
                    errors.append((abs(predicted.ours - actual), abs(predicted.naive - actual)))
                }
                busyUntil[window] = now.addingTimeInterval(random.logNormal(mean: Self.meanService[call.ticket.business]!, sigma: 0.5))
            }
        }
        let count = Double(errors.count)
        return Result(
            tickets: errors.count, meanAbsoluteError: errors.map(\.0).reduce(0, +) / count,
            naiveMeanAbsoluteError: errors.map(\.1).reduce(0, +) / count)
    }

    private struct Arrival {
        var at: Date
        var business: String
        var elderly: Bool
    }

    /// Non-homogeneous Poisson arrivals by thinning: peaks at 10:00 and 15:00, a lunch dip.
    private static func arrivals(from open: Date, to close: Date, random: inout SplitMix64) -> [Arrival] {
        var result: [Arrival] = []
        for (business, peak) in peakRate.sorted(by: { $0.key < $1.key }) {
            var time = open
            while true {
                time = time.addingTimeInterval(random.exponential(mean: 3600 / peak))
                guard time < close else { break }
                let hour = time.timeIntervalSince(open) / 3600 + 8.5
                let shape = max(0.15, exp(-pow(hour - 10, 2) / 2) + 0.8 * exp(-pow(hour - 15, 2) / 2))
                if random.unit() < min(1, shape) {
                    result.append(Arrival(at: time, business: business, elderly: random.unit() < 0.2))
                }
            }
        }
        return result.sorted { $0.at < $1.at }
    }
}

/// A small deterministic generator (SplitMix64), so the simulated day is the same on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    mutating func unit() -> Double { (Double(next() >> 11) + 0.5) / Double(1 << 53) }

    mutating func exponential(mean: Double) -> Double { -mean * log(unit()) }

    mutating func logNormal(mean: Double, sigma: Double) -> Double {
        let normal = sqrt(-2 * log(unit())) * cos(2 * .pi * unit())
        return mean * exp(sigma * normal - sigma * sigma / 2)
    }
}
