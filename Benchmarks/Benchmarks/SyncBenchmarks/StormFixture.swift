// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import AsyncHTTPClient
import Benchmark
import Central
import Foundation
import PostgresNIO
import SyncClient
import SyncProtocol

/// Figure 2: thousands of kiosks with a backlog reconnect at the same instant and push until everything is
/// acknowledged, retrying after 429s, 5xx and transport errors with the sync client's ``Backoff``.
///
/// The backoff is the client's, on a compressed time scale (250 ms base, 2 s cap instead of 1 s and 5 min) so
/// that the run takes minutes: with full jitter each wait is drawn from the whole window; without jitter every
/// kiosk waits the whole window, so all of them come back at the same instants.
final class StormFixture: Sendable {
    static let backoff = Backoff.Configuration(base: .milliseconds(250), cap: .seconds(2))
    /// The longest a drain may take before the benchmark gives up (bounded run).
    static let limit: Duration = .seconds(150)

    let fixture: CentralFixture
    let kiosks: [SimulatedKiosk]
    /// Each kiosk's backlog as the sync client would send it: one batch (the backlog is below 200 operations).
    let batches: [PushBatch]

    init(fixture: CentralFixture, kiosks count: Int, backlog: Int) async throws {
        self.fixture = fixture
        kiosks = try await SimulatedKiosk.enrol(count, in: fixture)
        try await fixture.store.importCatalogue(BenchCases.catalogue)
        batches = try kiosks.map { kiosk in
            try PushBatch(
                candidates: BenchCases.operations(for: kiosk.identity, from: 1, count: backlog), lastAckedSeq: 0,
                maxBytes: 1_000_000)
        }
    }

    func run(_ benchmark: Benchmark) async throws {
        let jittered = try await drain { Double.random(in: 0...1) }
        let unjittered = try await drain { 1 }
        benchmark.measurement(oursMetric, Int(jittered.duration.milliseconds))
        benchmark.measurement(baselineMetric, Int(unjittered.duration.milliseconds))
        benchmark.measurement(oursRefusalsMetric, jittered.refusals)
        benchmark.measurement(baselineRefusalsMetric, unjittered.refusals)
    }

    /// Empties the server's ledger and cases, then lets every kiosk push until acknowledged.
    /// - Parameter jitter: The backoff's random numbers.
    /// - Returns: How long until the last kiosk was acknowledged, and how many pushes were refused with 429.
    private func drain(jitter: @escaping @Sendable () -> Double) async throws -> (duration: Duration, refusals: Int) {
        try await fixture.execute("TRUNCATE case_status_changes, cases, mutations, audit_log")
        try await fixture.execute("UPDATE devices SET last_seq = 0, last_seen = NULL")
        let http = SimulatedKiosk.makeHTTPClient(connections: kiosks.count)
        let start = ContinuousClock.now
        let deadline = start + Self.limit
        let fixture = fixture
        let refusals: Int
        do {
            // Each kiosk's task returns how many of its pushes were refused with 429.
            refusals = try await withThrowingTaskGroup(of: Int.self) { group in
                for (kiosk, batch) in zip(kiosks, batches) {
                    group.addTask {
                        var backoff = Backoff(configuration: Self.backoff)
                        var refused = 0
                        while true {
                            let status = (try? await kiosk.push(batch, over: http, to: fixture.baseURL).status) ?? 0
                            if status == 200 { return refused }
                            if status == 429 { refused += 1 }
                            guard ContinuousClock.now < deadline else {
                                throw BenchError("the storm did not drain within \(Self.limit)")
                            }
                            try await Task.sleep(for: backoff.nextDelay(jitter: jitter()))
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        let duration = ContinuousClock.now - start
        try await http.shutdown()
        let acknowledged = try await fixture.client.query(
            "SELECT count(*) FROM mutations", logger: CentralFixture.quiet
        ).collect().first?.decode(Int.self)
        let expected = batches.reduce(0) { $0 + $1.operations.count }
        guard acknowledged == expected else {
            throw BenchError("the server holds \(acknowledged ?? 0) operations, expected \(expected)")
        }
        return (duration, refusals)
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
