// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Testing

struct QueueEngineWindowActionsTests {
    /// An engine with `count` social tickets taken a minute apart and the first called to window 1.
    private func serving(_ count: Int = 1, rules: WindowRules = WindowRules()) throws -> QueueEngine {
        var engine = TestHall.engine(TestHall.configuration(windowRules: rules))
        for index in 0..<count { try engine.take("social", at: TestHall.nine.plus(minutes: Double(index))) }
        _ = try engine.callNext(window: "1", now: TestHall.nine.plus(minutes: 10))
        return engine
    }

    @Test func recallIsLimited() throws {
        var engine = try serving(rules: WindowRules(maxRecalls: 2))
        #expect(try engine.recall(window: "1", now: TestHall.nine.plus(minutes: 11)).value.recallCount == 1)
        let second = try engine.recall(window: "1", now: TestHall.nine.plus(minutes: 12))
        #expect(second.value.lastCalledAt == TestHall.nine.plus(minutes: 12))
        #expect(second.change.events.map(\.kind) == [.ticketRecalled])
        #expect(throws: QueueError(.recallLimitReached, "")) { try engine.recall(window: "1", now: TestHall.nine.plus(minutes: 13)) }
    }

    @Test func waitingTimeCountsToTheLastCall() throws {
        var engine = try serving()
        _ = try engine.recall(window: "1", now: TestHall.nine.plus(minutes: 14))
        let waited = try #require(engine.ticket(number: "A001")?.waitedSeconds(now: .distantFuture))
        #expect(abs(waited - 14 * 60) < 0.001)
    }

    @Test func operationsWithoutACurrentTicketAreRefused() {
        var engine = TestHall.engine()
        #expect(throws: QueueError(.noCurrentTicket, "")) { try engine.recall(window: "1", now: TestHall.nine) }
        #expect(throws: QueueError(.noCurrentTicket, "")) { try engine.skip(window: "1", now: TestHall.nine) }
        #expect(throws: QueueError(.noCurrentTicket, "")) { try engine.finish(window: "1", outcome: nil, now: TestHall.nine) }
        #expect(throws: QueueError(.noCurrentTicket, "")) { try engine.hold(window: "1", now: TestHall.nine) }
    }

    @Test func skippedTicketGoesBackBehindTheConfiguredNumberOfPeople() throws {
        var engine = try serving(6, rules: WindowRules(reactivatePlaces: 3))
        _ = try engine.skip(window: "1", now: TestHall.nine.plus(minutes: 11))
        #expect(engine.ticket(number: "A001")?.status == .skipped)
        #expect(engine.window("1")?.currentTicket == nil)
        let back = try engine.reactivate(window: "1", number: "A001", now: TestHall.nine.plus(minutes: 15)).value
        #expect(back.status == .waiting)
        #expect(engine.estimate(for: back, now: TestHall.nine.plus(minutes: 15))?.ahead == 3)
        var order: [String] = []
        while let number = try engine.callNumber("1", at: TestHall.nine.plus(minutes: 20)) { order.append(number) }
        #expect(order == ["A002", "A003", "A004", "A001", "A005", "A006"])
    }

    @Test func reactivatingWithFewerPeopleWaitingGoesToTheBack() throws {
        var engine = try serving(2, rules: WindowRules(reactivatePlaces: 3))
        _ = try engine.skip(window: "1", now: TestHall.nine.plus(minutes: 11))
        _ = try engine.reactivate(window: "1", number: "A001", now: TestHall.nine.plus(minutes: 12))
        #expect(try engine.callNumber("1", at: TestHall.nine.plus(minutes: 13)) == "A002")
        #expect(try engine.callNumber("1", at: TestHall.nine.plus(minutes: 14)) == "A001")
    }

    @Test func onlySkippedTicketsCanBeReactivatedAndOnlyByTheirWindows() throws {
        var engine = try serving(2)
        #expect(throws: QueueError(.invalidState, "")) { try engine.reactivate(window: "1", number: "A002", now: TestHall.nine) }
        _ = try engine.skip(window: "1", now: TestHall.nine.plus(minutes: 11))
        #expect(throws: QueueError(.notThisWindow, "")) { try engine.reactivate(window: "2", number: "A001", now: TestHall.nine) }
        #expect(throws: QueueError(.unknownTicket, "")) { try engine.reactivate(window: "1", number: "Z999", now: TestHall.nine) }
    }

    @Test func transferToAnotherBusinessKeepsTheOriginalTakeTime() throws {
        var engine = try serving()
        try engine.take("housing", at: TestHall.nine.plus(minutes: 5))
        let moved = try engine.transfer(window: "1", toBusiness: "housing", toWindow: nil, now: TestHall.nine.plus(minutes: 12)).value
        #expect(moved.business == "housing")
        #expect(moved.issuedBusiness == "social")
        #expect(moved.queueKey == TestHall.nine)
        #expect(moved.transferCount == 1)
        #expect(engine.window("1")?.currentTicket == nil)
        // Taken at 09:00, it goes before B001 taken at 09:05.
        #expect(try engine.callNumber("2", at: TestHall.nine.plus(minutes: 13)) == "A001")
    }

    @Test func transferToABusinessNoOpenWindowServesIsRefused() throws {
        var engine = try serving()
        _ = try engine.setPaused(window: "2", true, now: TestHall.nine)
        _ = try engine.setPaused(window: "3", true, now: TestHall.nine)
        #expect(throws: QueueError(.noOpenWindow, "")) {
            try engine.transfer(window: "1", toBusiness: "housing", toWindow: nil, now: TestHall.nine.plus(minutes: 12))
        }
        #expect(engine.ticket(number: "A001")?.status == .called)
    }

    @Test func transferToAWindowOnlyThatWindowCalls() throws {
        var engine = try serving()
        _ = try engine.transfer(window: "1", toBusiness: nil, toWindow: "3", now: TestHall.nine.plus(minutes: 12))
        #expect(try engine.callNumber("1", at: TestHall.nine.plus(minutes: 13)) == nil)
        let call = try #require(try engine.callNext(window: "3", now: TestHall.nine.plus(minutes: 13)).value)
        #expect(call.ticket.number == "A001")
        #expect(call.reason.pinned)
        #expect(engine.ticket(number: "A001")?.pinnedWindow == nil)
    }

    @Test func transferToAPausedWindowIsRefused() throws {
        var engine = try serving()
        _ = try engine.setPaused(window: "3", true, now: TestHall.nine)
        #expect(throws: QueueError(.noOpenWindow, "")) {
            try engine.transfer(window: "1", toBusiness: nil, toWindow: "3", now: TestHall.nine.plus(minutes: 12))
        }
    }

    @Test func heldTicketIsCalledBackByItsWindow() throws {
        var engine = try serving(2)
        _ = try engine.hold(window: "1", now: TestHall.nine.plus(minutes: 11))
        #expect(engine.heldTickets(window: "1").map(\.number) == ["A001"])
        #expect(try engine.callNumber("1", at: TestHall.nine.plus(minutes: 12)) == "A002")
        #expect(throws: QueueError(.notThisWindow, "")) { try engine.callBack(window: "3", number: "A001", now: TestHall.nine) }
        let back = try engine.callBack(window: "1", number: "A001", now: TestHall.nine.plus(minutes: 20))
        #expect(back.value.status == .called)
        #expect(engine.ticket(number: "A002")?.status == .finished)
        #expect(engine.window("1")?.currentTicket == back.value.id)
        #expect(throws: QueueError(.invalidState, "")) { try engine.callBack(window: "1", number: "A001", now: TestHall.nine) }
    }

    @Test func finishRecordsTheOutcomeAndTheServiceTime() throws {
        var engine = try serving()
        #expect(throws: QueueError(.invalidArgument, "")) { try engine.finish(window: "1", outcome: "lunch", now: TestHall.nine) }
        let done = try engine.finish(window: "1", outcome: "incomplete", now: TestHall.nine.plus(minutes: 16)).value
        #expect(done.outcome == "incomplete")
        #expect(abs((done.serviceSeconds ?? 0) - 6 * 60) < 0.001)
        // One 6-minute sample shrunk towards the typical 5 minutes with 3 pseudo-samples: (360 + 900) / 4.
        #expect(abs(engine.serviceSeconds("social") - 315) < 0.001)
    }

    @Test func ratingIsAcceptedOnceForAFinishedTicketOfThisWindow() throws {
        var engine = try serving()
        #expect(throws: QueueError(.invalidState, "")) { try engine.rate(window: "1", number: "A001", level: .satisfied, reason: nil, now: TestHall.nine) }
        _ = try engine.finish(window: "1", outcome: nil, now: TestHall.nine.plus(minutes: 15))
        #expect(throws: QueueError(.notThisWindow, "")) { try engine.rate(window: "3", number: "A001", level: .satisfied, reason: nil, now: TestHall.nine) }
        let rated = try engine.rate(window: "1", number: "A001", level: .dissatisfied, reason: "等候时间长", now: TestHall.nine.plus(minutes: 16))
        #expect(rated.value.rating?.level == .dissatisfied)
        #expect(rated.change.events.first?.detail["level"] == "2")
        #expect(throws: QueueError(.alreadyRated, "")) { try engine.rate(window: "1", number: "A001", level: .verySatisfied, reason: nil, now: TestHall.nine) }
        let figures = engine.statistics(now: TestHall.nine.plus(minutes: 20))
        #expect(figures.windows.first { $0.id == "1" }?.ratings == ["2": 1])
        #expect(figures.businesses.first { $0.id == "social" }?.satisfaction == 0)
    }

    @Test func tidalWindowSwitchesBusinessesAtRunTime() throws {
        var engine = TestHall.engine()
        try engine.take("housing", at: TestHall.nine)
        #expect(try engine.callNumber("1", at: TestHall.nine) == nil)
        let changed = try engine.setBusinesses(window: "1", [ServedBusiness(business: "housing")], now: TestHall.nine)
        #expect(changed.change.events.map(\.kind) == [.windowBusinessesChanged])
        #expect(try engine.callNumber("1", at: TestHall.nine) == "B001")
        #expect(throws: QueueError(.unknownBusiness, "")) { try engine.setBusinesses(window: "1", [ServedBusiness(business: "x")], now: TestHall.nine) }
        #expect(throws: QueueError(.invalidArgument, "")) { try engine.setBusinesses(window: "1", [], now: TestHall.nine) }
        #expect(throws: QueueError(.invalidArgument, "")) {
            try engine.setBusinesses(window: "1", [ServedBusiness(business: "social", weight: 0)], now: TestHall.nine)
        }
    }
}
