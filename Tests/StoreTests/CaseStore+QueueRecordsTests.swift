// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Store
import SyncProtocol
import Testing

/// Ratings and finished days' statistics enter the outbox exactly once, between the cases, with no gaps.
struct CaseStoreQueueRecordsTests {
    private static let configuration = HallConfiguration(
        name: "测试",
        businesses: [Business(code: "social", name: "社保", prefix: "A"), Business(code: "housing", name: "不动产", prefix: "B")],
        windows: [Window(id: "1", name: "1号窗口", businesses: [ServedBusiness(business: "social"), ServedBusiness(business: "housing")])],
        callingPolicy: .strict)

    @Test func ratingsAndFinishedDaysAreForwardedOnce() throws {
        let fixture = try CaseFixture(.disk)
        let store = fixture.store
        let nine = CaseFixture.nine
        var engine = QueueEngine(configuration: Self.configuration, now: nine)
        try store.apply(engine.startDayIfNeeded(now: nine))
        for business in ["social", "social", "housing"] {
            try store.apply(try engine.take(TakeRequest(business: business), now: nine).change)
        }
        try store.apply(try engine.callNext(window: "1", now: nine.addingTimeInterval(60)).change)
        try store.apply(try engine.finish(window: "1", outcome: "done", now: nine.addingTimeInterval(400)).change)
        try store.apply(try engine.rate(window: "1", number: "A001", level: .satisfied, reason: "快", now: nine.addingTimeInterval(410)).change)
        _ = try fixture.cases.capture(CaseFixture.draft())

        let forwarded = try fixture.cases.forwardQueueRecords(before: "2026-11-23", at: nine.addingTimeInterval(420))
        #expect(forwarded == .init(ratings: 1, days: 0))
        #expect(try fixture.cases.forwardQueueRecords(before: "2026-11-23", at: nine.addingTimeInterval(430)).isEmpty)

        // The next day: the 23rd is finished and its figures go, once.
        let tomorrow = nine.addingTimeInterval(86_400)
        #expect(try fixture.cases.forwardQueueRecords(before: "2026-11-24", at: tomorrow) == .init(ratings: 0, days: 1))
        #expect(try fixture.cases.forwardQueueRecords(before: "2026-11-24", at: tomorrow).isEmpty)

        let operations = try fixture.cases.operations(after: 0, limit: 10, maxBytes: 1 << 20)
        #expect(operations.map(\.seq) == [1, 2, 3])
        guard case .ratingGiven(let rating) = operations[1].payload, case .dayStatistics(let day) = operations[2].payload else {
            Issue.record("expected a rating then day statistics, found \(operations.map(\.payload.kind))")
            return
        }
        #expect(rating.ticketNumber == "A001" && rating.level == RatingLevel.satisfied.rawValue && rating.window == "1")
        #expect(rating.serviceDay == "2026-11-23" && rating.reason == "快")
        #expect(day.serviceDay == "2026-11-23")
        #expect(day.businesses.map(\.code) == ["housing", "social"])
        let social = try #require(day.businesses.last)
        #expect(social.taken == 2 && social.served == 1 && social.noShows == 0)
        #expect(social.averageWaitSeconds == 60 && social.averageServiceSeconds == 340)
        #expect(try fixture.cases.syncSummary(at: tomorrow).pendingCount == 3)
    }
}
