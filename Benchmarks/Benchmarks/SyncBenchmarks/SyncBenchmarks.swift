// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import AsyncHTTPClient
import Benchmark
import Central
import Foundation
import NIOCore
import SyncClient
import SyncProtocol
import Synchronization

// Each figure is one benchmark that measures our path and its baseline side by side in the same process and the
// same iteration, and records both as custom metrics (`ours`, `baseline`); `ratios.sh` divides them. The plugin
// runs every benchmark in its own process, so each starts (and its teardown removes) its own private PostgreSQL.

/// Our side of a figure: rows/s, milliseconds or bytes, as the benchmark's doc says.
let oursMetric = BenchmarkMetric.custom("ours", polarity: .prefersSmaller, useScalingFactor: false)
/// The baseline measured beside it.
let baselineMetric = BenchmarkMetric.custom("baseline", polarity: .prefersSmaller, useScalingFactor: false)
/// Pushes answered 429 during our side of the storm.
let oursRefusalsMetric = BenchmarkMetric.custom("oursRefusals", polarity: .prefersSmaller, useScalingFactor: false)
/// Pushes answered 429 during the baseline side of the storm.
let baselineRefusalsMetric = BenchmarkMetric.custom(
    "baselineRefusals", polarity: .prefersSmaller, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let fixtures = RunningFixtures()
    // Raw numbers in the exports (no K/M scaling), so `ratios.sh` divides like with like.
    let raw: [BenchmarkMetric: BenchmarkUnits] = [
        oursMetric: .count, baselineMetric: .count, oursRefusalsMetric: .count, baselineRefusalsMetric: .count,
    ]
    let paired = Benchmark.Configuration(
        metrics: [.wallClock, oursMetric, baselineMetric], timeUnits: .nanoseconds, units: raw, warmupIterations: 1,
        scalingFactor: .one, maxDuration: .seconds(40), maxIterations: 8, teardown: { await fixtures.stopAll() })
    let once = Benchmark.Configuration(
        metrics: [.wallClock, oursMetric, baselineMetric, oursRefusalsMetric, baselineRefusalsMetric],
        timeUnits: .nanoseconds, units: raw, warmupIterations: 0, scalingFactor: .one, maxDuration: .seconds(1),
        maxIterations: 1, teardown: { await fixtures.stopAll() })

    // Push ingest, rows/s: 16 kiosks push 150 cases each at once through the real endpoint (signed, gzip, ledger),
    // against the same rows as one multi-row INSERT per kiosk into a `cases`-shaped table by 16 connections.
    Benchmark("Sync:Ingest/16x150", configuration: paired) { (benchmark: Benchmark, ingest: IngestFixture) async throws in
        try await ingest.round(benchmark)
    } setup: {
        try await IngestFixture(fixture: fixtures.track(try await CentralFixture.start()), kiosks: 16, batch: 150)
    }

    // Reconnect storm, ms to drain: 4,000 kiosks with 25 cases each come back at once; full-jitter backoff (ours)
    // against the same backoff with no jitter (everyone retries at the same instants), both under admission control.
    Benchmark("Sync:ReconnectStorm/4000x25", configuration: once) { (benchmark: Benchmark, storm: StormFixture) async throws in
        try await storm.run(benchmark)
    } setup: {
        try await StormFixture(fixture: fixtures.track(try await CentralFixture.start()), kiosks: 4_000, backlog: 25)
    }

    // Server memory, bytes resident: 4,000 kiosks pulling the three streams every 5 s (ours) against the idle
    // server with the same kiosks enrolled (baseline). The server runs in this process: the figure includes the
    // simulated kiosks' client side.
    Benchmark("Sync:PollingMemory/4000", configuration: once) { (benchmark: Benchmark, polling: PollingFixture) async throws in
        try await polling.run(benchmark)
    } setup: {
        try await PollingFixture(fixture: fixtures.track(try await CentralFixture.start()), kiosks: 4_000)
    }
}

/// Figure 1: a round of pushes and its baseline, repeated per iteration with new cases.
final class IngestFixture: Sendable {
    let fixture: CentralFixture
    let kiosks: [SimulatedKiosk]
    let batch: Int
    private let nextSeq = Mutex<Int64>(1)

    init(fixture: CentralFixture, kiosks count: Int, batch: Int) async throws {
        self.fixture = fixture
        self.batch = batch
        kiosks = try await SimulatedKiosk.enrol(count, in: fixture)
        try await fixture.store.importCatalogue(BenchCases.catalogue)
        try await RawIngest.createTable(in: fixture)
    }

    func round(_ benchmark: Benchmark) async throws {
        let first = nextSeq.withLock { seq in
            defer { seq += Int64(batch) }
            return seq
        }
        let work = try kiosks.map { kiosk in
            let operations = BenchCases.operations(for: kiosk.identity, from: first, count: batch)
            return Work(
                kiosk: kiosk, operations: operations,
                batch: try PushBatch(candidates: operations, lastAckedSeq: first - 1, maxBytes: 1 << 30))
        }
        let http = SimulatedKiosk.makeHTTPClient(connections: kiosks.count)
        let timings: (ours: Duration, baseline: Duration)
        do {
            timings = try await time(work, over: http)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
        let rows = kiosks.count * batch
        benchmark.measurement(oursMetric, Self.rowsPerSecond(rows, timings.ours))
        benchmark.measurement(baselineMetric, Self.rowsPerSecond(rows, timings.baseline))
    }

    /// One kiosk's share of a round: its operations and the batch the sync client would build of them.
    private struct Work: Sendable {
        let kiosk: SimulatedKiosk
        let operations: [SyncOperation]
        let batch: PushBatch
    }

    /// The raw inserts of every kiosk's rows at once, then the pushes of every kiosk at once.
    private func time(_ work: [Work], over http: HTTPClient) async throws -> (ours: Duration, baseline: Duration) {
        let fixture = fixture
        let baselineStart = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for item in work {
                group.addTask {
                    try await RawIngest.insert(
                        item.operations, device: item.kiosk.identity.deviceID, point: item.kiosk.identity.pointID,
                        in: fixture)
                }
            }
            try await group.waitForAll()
        }
        let baseline = ContinuousClock.now - baselineStart

        let oursStart = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for item in work {
                group.addTask {
                    let answer = try await item.kiosk.push(item.batch, over: http, to: fixture.baseURL)
                    let acked = try? SyncJSON.decoder().decode(PushResponse.self, from: Data(answer.body.readableBytesView))
                    guard answer.status == 200, acked?.ackedThroughSeq == item.batch.lastSeq,
                        acked?.results.allSatisfy({ $0.status == .applied }) == true
                    else { throw BenchError("push answered \(answer.status) without applying every case") }
                }
            }
            try await group.waitForAll()
        }
        return (ContinuousClock.now - oursStart, baseline)
    }

    static func rowsPerSecond(_ rows: Int, _ duration: Duration) -> Int {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return Int((Double(rows) / seconds).rounded())
    }
}

/// The resident set of this process now (VmRSS), in bytes.
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    else { return 0 }
    return kib * 1024
}
