// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Central
import Foundation
import KioskTesting
import SyncProtocol
import Testing

/// kiosk-central while its PostgreSQL is stopped (`pg_ctl stop -m immediate`) and after it starts again.
@Suite
struct DatabaseOutageTests {
    @Test func stoppedDatabaseIsAnswered503WithRetryAfterAndPushesResumeAfterARestart() async throws {
        let cluster = try await PrivatePostgres()
        do {
            try await cluster.createDatabase("outage")
            var configuration = CentralServer.Configuration()
            configuration.connectionWait = .seconds(1)
            configuration.requestDeadline = .seconds(5)
            configuration.databaseRetryAfter = .seconds(3)
            try await CentralHarness.with(cluster: cluster, database: "outage", configuration: configuration) {
                harness async throws in
                try await harness.importCatalogue()
                let kiosk = try await harness.enrolKiosk()
                #expect(try await kiosk.push([TestKiosk.caseOperation(1)]).status == 200)

                try await cluster.stop()
                let asked = ContinuousClock.now
                let down = try await kiosk.push([TestKiosk.caseOperation(2)], lastAcked: 1)
                // The pool alone would hold the request until its circuit breaker opens, a minute later.
                #expect(ContinuousClock.now - asked < .seconds(30))
                #expect(down.status == 503 && down.errorCode == "database_unavailable")
                #expect(down.headers["retry-after"] == "3")
                #expect(harness.log.text.contains("Database unavailable: answering 503"))

                try await cluster.start()
                var answer = down
                let deadline = ContinuousClock.now + .seconds(90)
                while answer.status != 200, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(200))
                    answer = try await kiosk.push([TestKiosk.caseOperation(2)], lastAcked: 1)
                }
                #expect(answer.status == 200)
                #expect(try TestKiosk.results(answer).results.map(\.status) == [.applied])
                #expect(try await harness.sql("SELECT count(*) FROM cases") == "2")
            }
        } catch {
            await cluster.remove()
            throw error
        }
        await cluster.remove()
    }
}
