// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Testing

struct QueueEngineTakingTests {
    @Test func numbersArePrefixedZeroPaddedAndPerBusiness() throws {
        var engine = TestHall.engine()
        let numbers = try [
            engine.take("social", at: TestHall.nine), engine.take("social", at: TestHall.nine),
            engine.take("housing", at: TestHall.nine),
        ].map(\.number)
        #expect(numbers == ["A001", "A002", "B001"])
    }

    @Test func takeLogsAnEventAndStoresTheTicket() throws {
        var engine = TestHall.engine()
        let outcome = try engine.take(TakeRequest(business: "social"), now: TestHall.nine)
        #expect(outcome.change.tickets.map(\.number) == ["A001"])
        #expect(outcome.change.events.first?.kind == .ticketTaken)
        #expect(outcome.value.status == .waiting)
    }

    @Test func unknownBusinessIsRefused() {
        var engine = TestHall.engine()
        #expect(throws: QueueError(.unknownBusiness, "")) { try engine.take("passport", at: TestHall.nine) }
    }

    @Test func capacityReachedIsRefusedWithTheLimitInTheMessage() throws {
        var engine = TestHall.engine(TestHall.configuration(capacity: 2))
        try engine.take("social", at: TestHall.nine)
        try engine.take("social", at: TestHall.nine)
        do {
            try engine.take("social", at: TestHall.nine)
            Issue.record("third ticket was issued")
        } catch let error as QueueError {
            #expect(error.code == .capacityReached)
            #expect(error.message.contains("2"))
        }
        #expect(try engine.take("housing", at: TestHall.nine).number == "B001")
    }

    @Test func outsideOpenHoursIsRefused() throws {
        let hours = OpenHours(parsing: "08:30-12:00,13:30-17:30")!
        var engine = TestHall.engine(TestHall.configuration(hours: hours))
        #expect(throws: QueueError(.outsideHours, "")) { try engine.take("social", at: TestHall.date("2026-11-23T12:30:00+08:00")) }
        #expect(throws: QueueError(.outsideHours, "")) { try engine.take("social", at: TestHall.date("2026-11-23T08:29:00+08:00")) }
        #expect(try engine.take("social", at: TestHall.date("2026-11-23T13:30:00+08:00")).number == "A001")
    }

    @Test func sequenceExhaustionIsRefusedInADailyResetHall() throws {
        var engine = TestHall.engine(TestHall.configuration(width: 1))
        for _ in 1...9 { try engine.take("social", at: TestHall.nine) }
        #expect(throws: QueueError(.sequenceExhausted, "")) { try engine.take("social", at: TestHall.nine) }
    }

    @Test func elderlyPriorityComesFromTheBirthDate() throws {
        var engine = TestHall.engine()
        #expect(try engine.take("social", at: TestHall.nine, birthDate: "19661123").priority == .elderly)
        #expect(try engine.take("social", at: TestHall.nine, birthDate: "19661124").priority == .normal)
        #expect(try engine.take("social", at: TestHall.nine, category: nil, birthDate: "1950-01-01").priority == .elderly)
        #expect(throws: QueueError(.invalidArgument, "")) { try engine.take("social", at: TestHall.nine, birthDate: "1950") }
    }

    @Test func greenChannelNeedsAConfiguredCategory() throws {
        var engine = TestHall.engine()
        let ticket = try engine.take("social", at: TestHall.nine, priority: .greenChannel, category: "military")
        #expect(ticket.priority == .greenChannel)
        #expect(ticket.priorityCategory == "military")
        #expect(throws: QueueError(.invalidArgument, "")) {
            try engine.take("social", at: TestHall.nine, priority: .greenChannel, category: "vip")
        }
    }

    @Test func elderlyDoesNotDowngradeAGreenChannelTicket() throws {
        var engine = TestHall.engine()
        let ticket = try engine.take("social", at: TestHall.nine, priority: .greenChannel, category: "disabled", birthDate: "19400101")
        #expect(ticket.priority == .greenChannel)
    }
}
