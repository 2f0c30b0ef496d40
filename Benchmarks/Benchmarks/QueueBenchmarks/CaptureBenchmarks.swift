// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Benchmark
import Foundation
import GRDB
import PersonalData
import Store
import SyncProtocol

/// The capture's commit time, in ns.
let captureMetric = BenchmarkMetric.custom("ours", polarity: .prefersSmaller, useScalingFactor: false)
/// The bare one-row commit's time beside it, in ns.
let rawCommitMetric = BenchmarkMetric.custom("baseline", polarity: .prefersSmaller, useScalingFactor: false)

/// Local capture latency: `CaseStore.capture` (case row, outbox row with its sealed payload, receipt number, in
/// one WAL `synchronous = FULL` transaction) against a bare durable commit of one row in a file of the same kind
/// (GRDB pool, WAL, `synchronous = FULL`), timed one after the other in each iteration.
func captureBenchmarks(scratch: Scratch) {
    let paired = Benchmark.Configuration(
        metrics: [.wallClock, captureMetric, rawCommitMetric], timeUnits: .nanoseconds,
        units: [captureMetric: .count, rawCommitMetric: .count], warmupIterations: 10, maxDuration: .seconds(6),
        maxIterations: 1_000, teardown: { scratch.cleanUp() })

    Benchmark("Capture:CaseVsRawCommit", configuration: paired) { (benchmark: Benchmark, fixture: CaptureFixture) throws in
        let captureStart = ContinuousClock.now
        blackHole(try fixture.cases.capture(fixture.draft))
        let capture = ContinuousClock.now - captureStart
        let rawStart = ContinuousClock.now
        try RawSQLite.insertOneRow(into: fixture.raw)
        let raw = ContinuousClock.now - rawStart
        benchmark.measurement(captureMetric, capture.nanoseconds)
        benchmark.measurement(rawCommitMetric, raw.nanoseconds)
    } setup: {
        try CaptureFixture(in: scratch.makeDirectory())
    }
}

/// A kiosk's case store in an on-disk file and, beside it, the bare SQLite file of the baseline.
final class CaptureFixture {
    let cases: CaseStore
    let raw: DatabasePool
    /// A case as the agent completes it: a pension enrolment with a deferred material, for a synthetic applicant
    /// (region 9999 exists nowhere; the check character is valid).
    let draft = CaseDraft(
        matter: MatterEntry(
            code: "M-PENSION", name: "城乡居民基本养老保险参保登记", department: "人社所",
            materials: [
                .init(code: "ID", name: "居民身份证", deferrable: false), .init(code: "HUKOU", name: "户口簿", deferrable: true),
            ],
            allowsDeferral: true, promisedDays: 5, retired: false, version: 1),
        applicant: .init(
            cardType: "resident", name: "测试申请人", idNumber: "999900195001010016", maskedName: "测*",
            maskedNumber: "9999**********0016"),
        contactPhone: "13800138000", agentID: "agent-7",
        materials: [
            .init(code: "ID", name: "居民身份证", state: .received),
            .init(code: "HUKOU", name: "户口簿", state: .promised, promisedBy: "2026-12-01"),
        ],
        promisedCompletion: "2026-12-08", capturedAt: Date(timeIntervalSince1970: 1_790_000_000))

    init(in directory: URL) throws {
        let store = try QueueStore(path: directory.appendingPathComponent("kioskd.sqlite").path)
        let (key, _) = try DataKey.openOrCreate(
            at: directory.appendingPathComponent("kioskd.key").path, recordedFingerprint: nil)
        cases = CaseStore(store: store, dataKey: key, deviceID: "K0007")
        raw = try RawSQLite.open(in: directory)
    }
}

extension Duration {
    /// Whole nanoseconds.
    var nanoseconds: Int {
        Int(components.seconds) * 1_000_000_000 + Int(components.attoseconds / 1_000_000_000)
    }
}
