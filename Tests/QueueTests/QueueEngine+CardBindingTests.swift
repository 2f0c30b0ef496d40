// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Testing

/// Tickets taken with an ID card: one per person per business per day (against 号贩子).
struct QueueEngineCardBindingTests {
    private let holder = "hmac:3f1c…holder-a"

    @Test func aSecondTicketForTheSameBusinessIsRefusedWithTheExistingNumber() throws {
        var engine = TestHall.engine()
        let first = try engine.take(TakeRequest(business: "social", holderKey: holder), now: TestHall.nine).value
        #expect(first.holderKey == holder)
        do {
            _ = try engine.take(TakeRequest(business: "social", holderKey: holder), now: TestHall.nine.plus(minutes: 5))
            Issue.record("a second ticket was issued")
        } catch {
            #expect(error.code == .alreadyHasTicket)
            #expect(error.ticketNumber == "A001")
            #expect(error.message.contains("A001"))
            #expect(!error.message.contains(holder))
        }
        #expect(engine.waitingCount(business: "social") == 1)
    }

    @Test func theSamePersonMayTakeOtherBusinessesAndOthersTheSameBusiness() throws {
        var engine = TestHall.engine()
        _ = try engine.take(TakeRequest(business: "social", holderKey: holder), now: TestHall.nine)
        #expect(try engine.take(TakeRequest(business: "housing", holderKey: holder), now: TestHall.nine).value.number == "B001")
        #expect(try engine.take(TakeRequest(business: "social", holderKey: "someone-else"), now: TestHall.nine).value.number == "A002")
        #expect(try engine.take(TakeRequest(business: "social"), now: TestHall.nine).value.number == "A003")
    }

    @Test func aFinishedTicketStillCountsForTheDay() throws {
        var engine = TestHall.engine()
        _ = try engine.take(TakeRequest(business: "social", holderKey: holder), now: TestHall.nine)
        _ = try engine.callNext(window: "1", now: TestHall.nine)
        _ = try engine.finish(window: "1", outcome: nil, now: TestHall.nine.plus(minutes: 5))
        #expect(throws: QueueError(.alreadyHasTicket, "")) {
            try engine.take(TakeRequest(business: "social", holderKey: holder), now: TestHall.nine.plus(minutes: 6))
        }
    }

    @Test func theLimitHoldsAcrossARestartAndEndsWithTheDay() throws {
        var engine = TestHall.engine()
        _ = try engine.take(TakeRequest(business: "social", holderKey: holder), now: TestHall.nine)
        let snapshot = QueueEngine.Snapshot(serviceDay: engine.serviceDay, tickets: engine.allTickets, nextTicketID: 2)
        var restored = QueueEngine(configuration: TestHall.configuration(), restoring: snapshot, now: TestHall.nine)
        #expect(throws: QueueError(.alreadyHasTicket, "")) {
            try restored.take(TakeRequest(business: "social", holderKey: holder), now: TestHall.nine)
        }
        let tomorrow = TestHall.date("2026-11-24T09:00:00+08:00")
        _ = restored.startDayIfNeeded(now: tomorrow)
        #expect(try restored.take(TakeRequest(business: "social", holderKey: holder), now: tomorrow).value.number == "A001")
    }

    @Test func aTicketCarriedOverMidnightForgetsItsHolder() throws {
        var engine = TestHall.engine(TestHall.configuration(nightlyReset: false))
        let ticket = try engine.take(TakeRequest(business: "social", holderKey: holder), now: TestHall.date("2026-11-23T23:50:00+08:00")).value
        _ = engine.startDayIfNeeded(now: TestHall.date("2026-11-24T00:10:00+08:00"))
        #expect(engine.ticket(id: ticket.id)?.status == .waiting)
        #expect(engine.ticket(id: ticket.id)?.holderKey == nil)
    }
}
