// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Central
import Foundation
import KioskTesting
import KioskTestingTraits
import Logging
import PostgresNIO
import SyncProtocol
import Testing

/// Admission control of pushes on the real server: a push over the limit is answered 429 with `Retry-After` and
/// changes nothing; under the limit it is applied.
@Suite(.privatePostgres)
struct PushAdmissionTests {
    /// One push is held in flight by a lock on its device's row (the push handler waits for it inside its
    /// transaction); with a limit of one, a second kiosk's push is refused until the first finishes.
    @Test func pushOverTheLimitIsRefusedWithRetryAfterAndNothingApplied() async throws {
        var configuration = CentralServer.Configuration()
        configuration.pushAdmission = PushAdmission(maximumInFlight: 1, retryAfter: .seconds(7))
        try await CentralHarness.with(configuration: configuration) { harness async throws in
            try await harness.importCatalogue()
            let held = try await harness.enrolKiosk(point: "320102-001")
            let refused = try await harness.enrolKiosk(point: "320102-002")
            let (locked, lockedSink) = AsyncStream.makeStream(of: Void.self)
            let (release, releaseSink) = AsyncStream.makeStream(of: Void.self)

            try await withThrowingTaskGroup(of: WireResponse?.self) { group in
                // Holds the held kiosk's device row until released, as a slow transaction would.
                group.addTask {
                    let logger = Logger(label: "test")
                    try await harness.client.withTransaction(logger: logger) { connection in
                        _ = try await connection.query(
                            "SELECT 1 FROM devices WHERE device_id = \(held.deviceID) FOR UPDATE", logger: logger)
                        lockedSink.yield()
                        for await _ in release {}
                    }
                    return nil
                }
                for await _ in locked { break }
                group.addTask { try await held.push([TestKiosk.caseOperation(1)]) }
                try await waitFor("the held push to wait for the lock") {
                    try await harness.sql(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    ) == "1"
                }

                let busy = try await refused.push([TestKiosk.caseOperation(1)])
                #expect(busy.status == 429)
                #expect(busy.headers["retry-after"] == "7")
                #expect(busy.errorCode == "busy")
                #expect(
                    try await harness.sql("SELECT last_seq FROM devices WHERE device_id = '\(refused.deviceID)'") == "0")
                #expect(
                    try await harness.sql("SELECT count(*) FROM mutations WHERE device_id = '\(refused.deviceID)'") == "0")
                #expect(try await harness.sql("SELECT count(*) FROM cases") == "0")

                releaseSink.finish()
                var answers: [Int] = []
                for try await answer in group { if let answer { answers.append(answer.status) } }
                #expect(answers == [200])
            }

            let admitted = try await refused.push([TestKiosk.caseOperation(1)])
            #expect(admitted.status == 200)
            #expect(try TestKiosk.results(admitted).results.map(\.status) == [.applied])
            #expect(try await harness.sql("SELECT count(*) FROM cases") == "2")
        }
    }

    /// Pushes up to the limit at once are all admitted and applied.
    @Test func pushesUnderTheLimitAreApplied() async throws {
        var configuration = CentralServer.Configuration()
        configuration.pushAdmission = PushAdmission(maximumInFlight: 4)
        try await CentralHarness.with(configuration: configuration) { harness async throws in
            try await harness.importCatalogue()
            var kiosks: [TestKiosk] = []
            for index in 1...4 { kiosks.append(try await harness.enrolKiosk(point: "320102-00\(index)")) }
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for kiosk in kiosks {
                    group.addTask {
                        try await kiosk.push([TestKiosk.caseOperation(1), TestKiosk.caseOperation(2)]).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == [200, 200, 200, 200])
            #expect(try await harness.sql("SELECT count(*) FROM cases") == "8")
        }
    }

    @Test func retryAfterIsWholeSecondsRoundedUp() {
        #expect(PushAdmission(retryAfter: .milliseconds(1500)).retryAfterHeader == "2")
        #expect(PushAdmission(retryAfter: .milliseconds(10)).retryAfterHeader == "1")
        #expect(PushAdmission(retryAfter: .seconds(3)).retryAfterHeader == "3")
    }

    /// Polls `condition` every 20 ms until it holds, for at most 30 s.
    private func waitFor(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while try await !condition() {
            try #require(ContinuousClock.now < deadline, "timed out waiting for \(what)")
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
