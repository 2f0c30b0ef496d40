// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Testing

struct QueueEngineCallingTests {
    @Test func emptyQueueCallsNobody() throws {
        var engine = TestHall.engine()
        let outcome = try engine.callNext(window: "1", now: TestHall.nine)
        #expect(outcome.value == nil)
        #expect(outcome.change.events.isEmpty)
    }

    @Test func callsInTakeOrderWithinAClass() throws {
        var engine = TestHall.engine()
        for minute in 0..<3 { try engine.take("social", at: TestHall.nine.plus(minutes: Double(minute))) }
        let now = TestHall.nine.plus(minutes: 10)
        #expect(try engine.callNumber("1", at: now) == "A001")
        #expect(try engine.callNumber("1", at: now) == "A002")
        #expect(try engine.callNumber("1", at: now) == "A003")
    }

    @Test func callingAgainFinishesTheCurrentTicket() throws {
        var engine = TestHall.engine()
        try engine.take("social", at: TestHall.nine)
        try engine.take("social", at: TestHall.nine)
        _ = try engine.callNumber("1", at: TestHall.nine)
        let outcome = try engine.callNext(window: "1", now: TestHall.nine.plus(minutes: 5))
        #expect(outcome.change.events.map(\.kind).prefix(2) == [.ticketFinished, .ticketCalled])
        #expect(engine.ticket(number: "A001")?.status == .finished)
        #expect(engine.ticket(number: "A001")?.outcome == "done")
    }

    @Test func strictPolicyCallsPriorityFirstAndSaysWhy() throws {
        var engine = TestHall.engine(TestHall.configuration(policy: .strict))
        try engine.take("social", at: TestHall.nine)
        try engine.take("social", at: TestHall.nine.plus(minutes: 5), birthDate: "19400101")
        let call = try #require(try engine.callNext(window: "1", now: TestHall.nine.plus(minutes: 6)).value)
        #expect(call.ticket.number == "A002")
        #expect(call.reason.priority == .elderly)
        #expect(call.reason.explanation.contains("严格优先"))
        #expect(call.reason.explanation.contains("老年人优先"))
    }

    @Test func agedPolicyLetsAPriorityTicketOvertakeOnlyAsItAges() throws {
        var engine = TestHall.engine(TestHall.configuration(policy: .aged))
        try engine.take("social", at: TestHall.nine)
        try engine.take("social", at: TestHall.nine.plus(minutes: 8), birthDate: "19400101")
        // At 09:10 the normal ticket waited 10 min (score 10), the elderly one 2 min × 2 = 4.
        #expect(try engine.callNumber("1", at: TestHall.nine.plus(minutes: 10)) == "A001")
        try engine.take("social", at: TestHall.nine.plus(minutes: 10))
        // At 09:20 the elderly ticket waited 12 × 2 = 24 > the new normal one's 10.
        #expect(try engine.callNumber("1", at: TestHall.nine.plus(minutes: 20)) == "A002")
    }

    @Test func interleaveServesNormalTicketsBetweenPriorityRuns() throws {
        var engine = TestHall.engine(TestHall.configuration(policy: .interleave(priority: 2, normal: 1)))
        for index in 0..<3 { try engine.take("social", at: TestHall.nine.plus(minutes: Double(index))) }
        for index in 3..<7 { try engine.take("social", at: TestHall.nine.plus(minutes: Double(index)), birthDate: "19400101") }
        let now = TestHall.nine.plus(minutes: 30)
        var order: [String] = []
        while let number = try engine.callNumber("1", at: now) { order.append(number) }
        // Elderly A004–A007, normal A001–A003: two priority, one normal, …
        #expect(order == ["A004", "A005", "A001", "A006", "A007", "A002", "A003"])
    }

    @Test func interleaveCallsWhoeverWaitsWhenOneKindIsMissing() throws {
        var engine = TestHall.engine(TestHall.configuration(policy: .interleave(priority: 1, normal: 1)))
        try engine.take("social", at: TestHall.nine, birthDate: "19400101")
        try engine.take("social", at: TestHall.nine, birthDate: "19400101")
        let first = try #require(try engine.callNext(window: "1", now: TestHall.nine).value)
        let second = try #require(try engine.callNext(window: "1", now: TestHall.nine).value)
        #expect([first.ticket.number, second.ticket.number] == ["A001", "A002"])
        #expect(second.reason.explanation.contains("无普通号等候"))
    }

    @Test func combinedWindowWeighsWaitingTimeByBusiness() throws {
        var engine = TestHall.engine()
        try engine.take("social", at: TestHall.nine)
        try engine.take("housing", at: TestHall.nine.plus(minutes: 4))
        // At 09:10: social waited 10 × 1, housing 6 × 2 = 12 → window 3 takes housing.
        let call = try #require(try engine.callNext(window: "3", now: TestHall.nine.plus(minutes: 10)).value)
        #expect(call.ticket.number == "B001")
        #expect(call.reason.weight == 2)
        #expect(call.reason.explanation.contains("业务权重 2"))
    }

    @Test func windowOnlyCallsItsOwnBusinesses() throws {
        var engine = TestHall.engine()
        try engine.take("housing", at: TestHall.nine)
        #expect(try engine.callNumber("1", at: TestHall.nine) == nil)
        #expect(try engine.callNumber("2", at: TestHall.nine) == "B001")
    }

    @Test func pausedWindowRefusesToCall() throws {
        var engine = TestHall.engine()
        try engine.take("social", at: TestHall.nine)
        _ = try engine.setPaused(window: "1", true, now: TestHall.nine)
        #expect(throws: QueueError(.windowPaused, "")) { try engine.callNext(window: "1", now: TestHall.nine) }
        _ = try engine.setPaused(window: "1", false, now: TestHall.nine)
        #expect(try engine.callNumber("1", at: TestHall.nine) == "A001")
    }

    @Test func allWindowsPausedStillIssuesTicketsWithoutAnEstimate() throws {
        var engine = TestHall.engine()
        for window in ["1", "2", "3"] { _ = try engine.setPaused(window: window, true, now: TestHall.nine) }
        let ticket = try engine.take("social", at: TestHall.nine)
        let estimate = try #require(engine.estimate(for: ticket, now: TestHall.nine))
        #expect(estimate.ahead == 0)
        #expect(estimate.waitSeconds == nil)
    }

    @Test func unknownWindowIsRefused() {
        var engine = TestHall.engine()
        #expect(throws: QueueError(.unknownWindow, "")) { try engine.callNext(window: "9", now: TestHall.nine) }
    }

    @Test func callCostDoesNotDependOnQueueLengthBecauseOnlyHeadsAreCompared() throws {
        var engine = TestHall.engine(TestHall.configuration(width: 5))
        for index in 0..<10_000 { try engine.take("social", at: TestHall.nine.addingTimeInterval(Double(index) / 100)) }
        #expect(engine.waitingCount(business: "social") == 10_000)
        #expect(try engine.callNumber("1", at: TestHall.nine.plus(minutes: 200)) == "A00001")
        #expect(engine.waitingCount(business: "social") == 9_999)
    }
}
