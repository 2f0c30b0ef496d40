// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Central
import Foundation
import SyncProtocol
import Testing

extension CentralServerTests {
    @Test func catalogueAnswers304ToItsETagAndResumesFromItsCursor() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            let first = try await kiosk.pull(.catalogue, limit: 1)
            #expect(first.status == 200)
            let tag = try #require(first.headers["etag"])
            let page = try TestKiosk.page(MatterEntry.self, first)
            #expect(page.changes.map(\.code) == ["M-1"] && page.hasMore && !page.mustResync)
            #expect(try await kiosk.pull(.catalogue, limit: 1, ifNoneMatch: tag).status == 304)
            let second = try TestKiosk.page(
                MatterEntry.self, try await kiosk.pull(.catalogue, cursor: page.nextCursor, limit: 1))
            #expect(second.changes.map(\.code) == ["M-OLD"] && second.changes.first?.retired == true)
            let end = try TestKiosk.page(MatterEntry.self, try await kiosk.pull(.catalogue, cursor: second.nextCursor))
            #expect(end.changes.isEmpty && !end.hasMore && end.nextCursor == second.nextCursor)
            try await harness.store.importCatalogue([
                CatalogueMatter(
                    code: "M-1", name: "城乡居民基本养老保险参保登记（新）", department: "人社所", materials: [], allowsDeferral: false,
                    promisedDays: 3)
            ])
            let changed = try await kiosk.pull(.catalogue, limit: 1, ifNoneMatch: tag)
            #expect(changed.status == 200)
            let resumed = try TestKiosk.page(
                MatterEntry.self, try await kiosk.pull(.catalogue, cursor: second.nextCursor))
            #expect(resumed.changes.map(\.code) == ["M-1"] && resumed.changes.first?.version == 2)
        }
    }

    @Test func cursorFromBeforeARestoreMustResync() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            let page = try TestKiosk.page(MatterEntry.self, try await kiosk.pull(.catalogue))
            #expect(page.changes.count == 2)
            // What a restore from an older backup does to the change sequence: it is behind the kiosk's cursor.
            _ = try await harness.sql("SELECT setval('change_seq', 1)")
            let stale = try TestKiosk.page(MatterEntry.self, try await kiosk.pull(.catalogue, cursor: page.nextCursor))
            #expect(stale.mustResync && stale.changes.isEmpty)
            let foreign = try await kiosk.pull(.bookings, cursor: page.nextCursor)
            #expect(foreign.status == 400)
        }
    }

    @Test func statusChangeReachesOnlyItsOwnPoint() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let here = try await harness.enrolKiosk(point: "P1")
            let there = try await harness.enrolKiosk(point: "P2")
            let capture = TestKiosk.capture()
            #expect(try await here.push([TestKiosk.caseOperation(1, capture)]).status == 200)
            let start = try TestKiosk.page(CaseStatusChange.self, try await here.pull(.caseStatus))
            #expect(start.changes.map(\.status) == ["accepted"] && start.ackedThroughSeq == 1)
            try await harness.store.setCaseStatus(capture.caseID, to: "returned", note: "缺户口簿原件")
            let next = try TestKiosk.page(
                CaseStatusChange.self, try await here.pull(.caseStatus, cursor: start.nextCursor))
            #expect(next.changes.map(\.status) == ["returned"])
            #expect(next.changes.first?.note == "缺户口簿原件" && next.changes.first?.version == 2)
            let elsewhere = try TestKiosk.page(CaseStatusChange.self, try await there.pull(.caseStatus))
            #expect(elsewhere.changes.isEmpty)
            await #expect(throws: CentralError(.invalidTransition, "")) {
                try await harness.store.setCaseStatus(capture.caseID, to: "completed", note: nil)
            }
        }
    }
}
