// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import KioskTesting
import Logging
import Store
import SyncProtocol
import Testing

@testable import Daemon

/// The retention purge: a case the server acknowledged keeps its sealed personal data for `retention_days`,
/// then only its masked forms and receipt number stay; a pending case is never purged.
struct CaseRetentionTests {
    @Test func acknowledgedCasesArePurgedAfterTheRetentionAndPendingOnesNever() async throws {
        let (harness, session) = try CaseRoutesTests.harness()
        try await harness.run { api async throws in
            let token = try await api.login()
            let first = try await api.request(.post, "/api/v1/cases", json: CaseRoutesTests.caseJSON(card: session.id), token: token)
            let second = try await api.request(.post, "/api/v1/cases", json: CaseRoutesTests.caseJSON(card: session.id), token: token)
            let acknowledged = try #require(first.json["case_id"]?.stringValue)
            let pending = try #require(second.json["case_id"]?.stringValue)
            let store = harness.cases.store
            try store.recordPush(PushResponse(ackedThroughSeq: 1, results: []), at: harness.clock.now())

            let clock = harness.clock
            let retention = CaseRetention(
                cases: harness.cases, retention: 30 * 86_400, now: { clock.now() }, logger: Logger(label: "test"))
            clock.advance(minutes: 29 * 24 * 60)
            await retention.purge()
            #expect(try store.storedCase(id: acknowledged)?.isPurged == false)
            clock.advance(minutes: 2 * 24 * 60)
            await retention.purge()
            let purged = try #require(try store.storedCase(id: acknowledged))
            #expect(purged.isPurged)
            #expect(purged.receiptNumber == "R-K0007-000001")
            #expect(purged.maskedNumber == "3201**********1233")
            #expect(try store.storedCase(id: pending)?.isPurged == false)
            // A purged case's receipt still reprints, from its masked forms.
            #expect(try await api.request(.post, "/api/v1/cases/\(acknowledged)/print", token: try await api.login()).status == 200)
        }
    }
}
