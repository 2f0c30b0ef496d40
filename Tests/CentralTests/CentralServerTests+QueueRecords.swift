// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import SyncProtocol
import Testing

extension CentralServerTests {
    @Test func ratingsAndDayStatisticsAreRecordedInOneBatchWithCasesAndRejections() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            let rated = Date(timeIntervalSince1970: 1_790_000_000)
            func rating(_ ticket: String, window: String?, reason: String?) -> RatingRecord {
                RatingRecord(
                    serviceDay: "2026-09-21", ticketNumber: ticket, business: "A", window: window, level: 4,
                    reason: reason, ratedAt: rated)
            }
            func statistics(taken: Int, wait: Double?) -> DayStatistics {
                DayStatistics(
                    serviceDay: "2026-09-21",
                    businesses: [
                        .init(code: "A", taken: taken, served: 2, noShows: 1, averageWaitSeconds: wait,
                            averageServiceSeconds: 300),
                        .init(code: "B", taken: 1, served: 1, noShows: 0, averageWaitSeconds: nil,
                            averageServiceSeconds: nil),
                    ])
            }
            func operation(_ seq: Int64, _ payload: SyncOperation.Payload) -> SyncOperation {
                SyncOperation(seq: seq, createdAt: rated, payload: payload)
            }
            let answer = try TestKiosk.results(
                try await kiosk.push([
                    operation(1, .ratingGiven(rating("A001", window: "3", reason: nil))),
                    TestKiosk.caseOperation(2),
                    operation(3, .ratingGiven(rating("A001", window: nil, reason: "重复"))),
                    operation(4, .dayStatistics(statistics(taken: 3, wait: 60))),
                    operation(5, .ratingGiven(rating("A002", window: nil, reason: "很好"))),
                    operation(6, .dayStatistics(statistics(taken: 5, wait: nil))),
                    operation(7, .ratingGiven(rating("", window: nil, reason: nil))),
                ]))
            #expect(answer.ackedThroughSeq == 7)
            #expect(
                answer.results.map(\.status)
                    == [.applied, .applied, .rejected, .applied, .applied, .applied, .rejected])
            #expect(answer.results.map(\.reason) == [nil, nil, "该票已评价", nil, nil, nil, "缺少票号"])
            #expect(answer.results[1].caseNumber?.hasPrefix("320102-001-") == true)
            #expect(
                try await harness.sql(
                    """
                    SELECT string_agg(ticket_number || ':' || coalesce(window_id, '-') || ':' || coalesce(reason, '-')
                        || ':' || seq, ',' ORDER BY ticket_number) FROM ratings
                    """) == "A001:3:-:1,A002:-:很好:5")
            #expect(
                try await harness.sql(
                    """
                    SELECT string_agg(business || ':' || taken || ':' || coalesce(average_wait_seconds::text, '-')
                        || ':' || seq, ',' ORDER BY business) FROM day_statistics
                    """) == "A:5:-:6,B:1:-:6")
            #expect(
                try await harness.sql(
                    """
                    SELECT string_agg(seq || ':' || result || ':' || coalesce(reason, '-'), ',' ORDER BY seq)
                    FROM mutations
                    """)
                    == "1:applied:-,2:applied:-,3:rejected:该票已评价,4:applied:-,5:applied:-,6:applied:-,7:rejected:缺少票号")
            #expect(
                try await harness.sql(
                    "SELECT operations || '/' || applied || '/' || rejected FROM audit_log WHERE action = 'push'")
                    == "7/5/2")
        }
    }

    @Test func casesOfOneBatchGetAscendingNumbersAndADuplicateIdInTheBatchIsRejected() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            let repeated = TestKiosk.capture()
            let answer = try TestKiosk.results(
                try await kiosk.push([
                    TestKiosk.caseOperation(1), TestKiosk.caseOperation(2, repeated),
                    TestKiosk.caseOperation(3, repeated), TestKiosk.caseOperation(4),
                ]))
            #expect(answer.results.map(\.status) == [.applied, .applied, .rejected, .applied])
            #expect(answer.results[2].reason == "办件标识已被使用")
            let numbers = answer.results.compactMap(\.caseNumber)
            #expect(numbers.count == 3 && numbers == numbers.sorted())
            #expect(
                try await harness.sql(
                    """
                    SELECT string_agg(c.seq::text, ',' ORDER BY s.change_id)
                    FROM case_status_changes s JOIN cases c USING (case_id)
                    """) == "1,2,4")
            #expect(
                try await harness.sql("SELECT count(*) FROM mutations WHERE case_number IS NOT NULL") == "3")
        }
    }
}
