// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import IDCard
import KioskTesting
import Queue
import Reader
import Store
import SyncProtocol
import Testing

@testable import Daemon

/// The menu's bookings (预约签到): a day's list, masked, and the check-in that takes an appointment ticket
/// through the ordinary take path, once, and only in its time.
struct BookingRoutesTests {
    /// A moment of the harness's day (2026-11-23, Beijing time).
    private static func at(_ time: String, day: String = "2026-11-23") -> Date {
        ISO8601DateFormatter().date(from: "\(day)T\(time):00+08:00")!
    }

    private static func booking(
        _ code: String, _ business: String = "social", from start: String, to end: String, day: String = "2026-11-23",
        status: String = "booked"
    ) -> BookingEntry {
        BookingEntry(
            code: code, business: business, slotStart: at(start, day: day), slotEnd: at(end, day: day),
            holderMaskedName: "张*", holderKey: "hk-secret-\(code)", status: status, version: 1)
    }

    /// A harness whose store pulled these bookings, as the sync client stores them.
    private static func harness(with bookings: [BookingEntry]) throws -> APIHarness {
        let harness = try APIHarness()
        try harness.cases.store.applyBookings(bookings, cursor: "b1")
        return harness
    }

    @Test func theDaysBookingsAreListedInSlotOrderWithoutTheHolderKey() async throws {
        let harness = try Self.harness(with: [
            Self.booking("Y0002", "housing", from: "10:00", to: "10:30"),
            Self.booking("Y0001", from: "09:00", to: "09:30"),
            Self.booking("Y0003", from: "09:00", to: "09:30", day: "2026-11-24"),
        ])
        try await harness.run { api async throws in
            let today = try await api.request(.get, "/api/v1/bookings")
            #expect(today.status == 200)
            #expect(today.json["day"]?.stringValue == "2026-11-23")
            let listed = try #require(today.json["bookings"]?.arrayValue)
            #expect(listed.map { $0["code"]?.stringValue } == ["Y0001", "Y0002"])
            #expect(listed[1]["business_name"]?.stringValue == "不动产登记")
            #expect(listed[0]["holder"]?.stringValue == "张*")
            #expect(listed[0]["status"]?.stringValue == "booked")
            #expect(listed[0]["ticket_number"] == .null)
            #expect(listed[0]["slot_start"]?.stringValue == "2026-11-23T01:00:00Z")
            #expect(!today.json.jsonText.contains("hk-secret"))

            let tomorrow = try await api.request(.get, "/api/v1/bookings?day=2026-11-24")
            #expect(tomorrow.json["bookings"]?.arrayValue?.map { $0["code"]?.stringValue } == ["Y0003"])
            #expect(try await api.request(.get, "/api/v1/bookings?day=2026-11-25").json["bookings"]?.arrayValue?.isEmpty == true)
            #expect(try await api.request(.get, "/api/v1/bookings?day=2026-02-30").status == 400)
            #expect(try await api.request(.get, "/api/v1/bookings?day=tomorrow").status == 400)
        }
    }

    @Test func checkingInTakesAnAppointmentTicketAndMarksTheBookingOnce() async throws {
        let harness = try Self.harness(with: [Self.booking("Y0001", from: "09:00", to: "09:30")])
        try await harness.run { api async throws in
            _ = try await api.take("social")
            let checkedIn = try await api.request(.post, "/api/v1/bookings/%20y0001%20/check-in", json: #"{"card": null}"#)
            #expect(checkedIn.status == 201)
            #expect(checkedIn.json["number"]?.stringValue == "A002")
            #expect(checkedIn.json["business"]?.stringValue == "social")
            #expect(checkedIn.json["priority"]?.stringValue == "appointment")
            #expect(checkedIn.json["print"]?["state"]?.stringValue == "submitted")
            // The appointment is served before the plain ticket taken earlier.
            #expect(checkedIn.json["ahead"]?.intValue == 0)

            let listed = try await api.request(.get, "/api/v1/bookings").json["bookings"]?[0]
            #expect(listed?["status"]?.stringValue == "checked_in")
            #expect(listed?["ticket_number"]?.stringValue == "A002")
            let again = try await api.request(.post, "/api/v1/bookings/Y0001/check-in")
            #expect(again.status == 409)
            #expect(again.errorCode == "already_checked_in")
            #expect(again.json["error"]?["ticket_number"]?.stringValue == "A002")
        }
    }

    @Test func unknownCancelledEarlyAndLateBookingsAreRefusedWithTheirReason() async throws {
        let harness = try Self.harness(with: [
            Self.booking("Y0001", from: "08:00", to: "08:30"),
            Self.booking("Y0002", from: "10:00", to: "10:30"),
            Self.booking("Y0003", from: "09:00", to: "09:30", status: "cancelled"),
            Self.booking("Y0004", from: "09:00", to: "09:30", day: "2026-11-24"),
        ])
        try await harness.run { api async throws in
            let unknown = try await api.request(.post, "/api/v1/bookings/Y9999/check-in")
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "unknown_booking")
            #expect(unknown.json["error"]?["message"]?.stringValue == "没有找到这个预约码，请核对后重输")
            #expect(try await api.request(.post, "/api/v1/bookings/Y0003/check-in").errorCode == "booking_cancelled")
            let late = try await api.request(.post, "/api/v1/bookings/Y0001/check-in")
            #expect(late.status == 409)
            #expect(late.errorCode == "too_late")
            let early = try await api.request(.post, "/api/v1/bookings/Y0002/check-in")
            #expect(early.status == 409)
            #expect(early.errorCode == "too_early")
            #expect(early.json["error"]?["message"]?.stringValue == "预约时段 10:00–10:30，请在 09:30 以后签到")
            let tomorrow = try await api.request(.post, "/api/v1/bookings/Y0004/check-in")
            #expect(tomorrow.json["error"]?["message"]?.stringValue == "预约时段 11月24日 09:00–09:30，请在 11月24日 08:30 以后签到")

            // Thirty minutes before the slot it opens; nothing was issued by the refusals.
            harness.clock.advance(minutes: 30)
            let admitted = try await api.request(.post, "/api/v1/bookings/Y0002/check-in")
            #expect(admitted.status == 201)
            #expect(admitted.json["number"]?.stringValue == "A001")
        }
    }

    @Test func aCardBindsTheCheckInTicketAndAnElderlyHolderStillWins() async throws {
        let harness = try Self.harness(with: [Self.booking("Y0001", from: "09:00", to: "09:30")])
        let card = EmulatorFixture.builtIn.card("resident")!
        let session = harness.desk.accept(try TextBlock.decode(card.textBlock), at: Date())
        try await harness.run { api async throws in
            let checkedIn = try await api.request(.post, "/api/v1/bookings/Y0001/check-in", json: #"{"card": "\#(session.id)"}"#)
            #expect(checkedIn.status == 201)
            #expect(checkedIn.json["priority"]?.stringValue == "elderly")
            let second = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social", "card": "\#(session.id)"}"#)
            #expect(second.errorCode == "already_has_ticket")
            #expect(second.json["error"]?["ticket_number"] == checkedIn.json["number"])
            #expect(try await api.request(.post, "/api/v1/bookings/Y0001/check-in", json: #"{"card": "gone"}"#).errorCode == "already_checked_in")
        }
    }

    @Test func anExpiredCardLeavesTheBookingOpen() async throws {
        let harness = try Self.harness(with: [Self.booking("Y0001", from: "09:00", to: "09:30")])
        try await harness.run { api async throws in
            let refused = try await api.request(.post, "/api/v1/bookings/Y0001/check-in", json: #"{"card": "gone"}"#)
            #expect(refused.errorCode == "card_expired")
            #expect(try await api.request(.post, "/api/v1/bookings/Y0001/check-in").status == 201)
        }
    }

    @Test func simultaneousCheckInsOfOneCodeIssueOneTicket() async throws {
        let harness = try Self.harness(with: [Self.booking("Y0001", from: "09:00", to: "09:30")])
        try await harness.run { api async throws in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for code in ["Y0001", "y0001", "Y0001 ".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!] {
                    group.addTask { try await api.request(.post, "/api/v1/bookings/\(code)/check-in").status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted() == [201, 409, 409])
            let picture = try await harness.hall.picture()
            #expect(picture.engine.allTickets.count == 1)
        }
    }
}
