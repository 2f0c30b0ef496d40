// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Testing

struct QueueEngineDayTests {
    private let beforeMidnight = TestHall.date("2026-11-23T23:59:00+08:00")
    private let afterMidnight = TestHall.date("2026-11-24T00:00:30+08:00")

    @Test func localMidnightExpiresOpenTicketsAndRestartsNumbering() throws {
        var engine = TestHall.engine()
        try engine.take("social", at: beforeMidnight)
        try engine.take("social", at: beforeMidnight)
        _ = try engine.callNext(window: "1", now: beforeMidnight)
        #expect(engine.startDayIfNeeded(now: beforeMidnight).isEmpty)
        let change = engine.startDayIfNeeded(now: afterMidnight)
        #expect(change.tickets.allSatisfy { $0.status == .expired })
        #expect(change.tickets.count == 2)
        #expect(change.events.contains { $0.kind == .dayStarted })
        #expect(engine.serviceDay == ServiceDay("2026-11-24"))
        #expect(engine.window("1")?.currentTicket == nil)
        #expect(engine.waitingCount(business: "social") == 0)
        #expect(try engine.take("social", at: afterMidnight).number == "A001")
    }

    @Test func midnightIsTheHallsLocalMidnightNotUTC() {
        var engine = TestHall.engine()
        // 2026-11-23 16:30 UTC is 00:30 on the 24th in Beijing.
        _ = engine.startDayIfNeeded(now: TestHall.date("2026-11-23T16:30:00Z"))
        #expect(engine.serviceDay == ServiceDay("2026-11-24"))
    }

    @Test func twentyFourHourHallKeepsItsQueueAndNumberSeries() throws {
        var engine = TestHall.engine(TestHall.configuration(nightlyReset: false))
        try engine.take("social", at: beforeMidnight)
        let change = engine.startDayIfNeeded(now: afterMidnight)
        #expect(change.tickets.isEmpty)
        #expect(engine.waitingCount(business: "social") == 1)
        #expect(try engine.take("social", at: afterMidnight).number == "A002")
        #expect(try engine.callNumber("1", at: afterMidnight) == "A001")
    }

    @Test func twentyFourHourHallWrapsPastActiveNumbersButNeverReissuesToday() throws {
        var engine = TestHall.engine(TestHall.configuration(nightlyReset: false, width: 1))
        for _ in 1...9 { try engine.take("social", at: beforeMidnight) }
        _ = engine.startDayIfNeeded(now: afterMidnight)
        // A1…A9 still wait: no number is free.
        #expect(throws: QueueError(.sequenceExhausted, "")) { try engine.take("social", at: afterMidnight) }
        _ = try engine.callNext(window: "1", now: afterMidnight)  // A1 called
        _ = try engine.callNext(window: "1", now: afterMidnight)  // A1 finished, A2 called
        #expect(try engine.take("social", at: afterMidnight).number == "A1")
        #expect(throws: QueueError(.sequenceExhausted, "")) { try engine.take("social", at: afterMidnight) }
    }

    @Test func restoringFromASnapshotResumesNumberingAndQueue() throws {
        var engine = TestHall.engine()
        let first = try engine.take("social", at: TestHall.nine)
        let second = try engine.take("social", at: TestHall.nine, birthDate: "19400101")
        let call = try #require(try engine.callNext(window: "3", now: TestHall.nine).value)
        let snapshot = QueueEngine.Snapshot(
            serviceDay: engine.serviceDay, tickets: engine.allTickets, windows: engine.allWindows,
            nextTicketID: max(first.id, second.id) + 1)
        var restored = QueueEngine(configuration: TestHall.configuration(), restoring: snapshot, now: TestHall.nine)
        #expect(restored.window("3")?.currentTicket == call.ticket.id)
        #expect(restored.waitingCount(business: "social") == 1)
        #expect(try restored.take("social", at: TestHall.nine).number == "A003")
        #expect(try restored.callNumber("1", at: TestHall.nine) == "A001")
    }

    @Test func alarmLevelRisesWithWaitingCountAndWaitAndLogsEachChange() throws {
        var configuration = TestHall.configuration()
        configuration.alarm = AlarmThresholds(waitingCount: [1, 3, 5, 7], longestWaitSeconds: [1, 600, 1200, 1800])
        var engine = TestHall.engine(configuration)
        var changes: [String] = []
        for _ in 0..<5 {
            let outcome = try engine.take(TakeRequest(business: "social"), now: TestHall.nine)
            changes += outcome.change.events.filter { $0.kind == .alarmChanged }.compactMap { $0.detail["to"] }
        }
        #expect(changes == ["green", "yellow", "orange"])
        let later = engine.evaluateAlarms(now: TestHall.nine.plus(minutes: 31))
        #expect(later.events.map { $0.detail["to"] } == ["red"])
        #expect(engine.alarmLevel(for: "social", now: TestHall.nine.plus(minutes: 31)) == .red)
        #expect(engine.alarmLevel(for: "housing", now: TestHall.nine) == .blue)
    }
}
