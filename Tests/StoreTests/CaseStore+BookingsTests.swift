// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import PersonalData
import SyncProtocol
import Testing

@testable import Store

/// Bookings as the menu reads them: a day in slot order, codes without regard to case, and a check-in that is
/// recorded once and outlives the pulled status.
struct CaseStoreBookingsTests {
    private static let nine = CaseFixture.nine

    private static func booking(_ code: String, startingAfter hours: Double, status: String = "booked", version: Int64 = 1) -> BookingEntry {
        let start = nine.addingTimeInterval(hours * 3600)
        return BookingEntry(
            code: code, business: "social", slotStart: start, slotEnd: start.addingTimeInterval(1800), holderMaskedName: "张*",
            holderKey: "hk-\(code)", status: status, version: version)
    }

    @Test(arguments: CaseFixture.Kind.allCases)
    func aDaysBookingsComeInSlotOrder(kind: CaseFixture.Kind) throws {
        let fixture = try CaseFixture(kind)
        try fixture.cases.applyBookings(
            [Self.booking("Y3", startingAfter: 2), Self.booking("Y1", startingAfter: 0), Self.booking("Y9", startingAfter: 24),
             Self.booking("Y0", startingAfter: -10)],
            cursor: "b1")
        let day = Self.nine.addingTimeInterval(-9 * 3600)..<Self.nine.addingTimeInterval(15 * 3600)
        let listed = try fixture.cases.bookings(startingIn: day)
        #expect(listed.map(\.code) == ["Y1", "Y3"])
        #expect(listed[0] == StoredBooking(
            code: "Y1", business: "social", slotStart: Self.nine, slotEnd: Self.nine.addingTimeInterval(1800),
            holderMaskedName: "张*", status: .booked))
    }

    @Test func codesMatchWithoutRegardToCase() throws {
        let fixture = try CaseFixture(.memory)
        try fixture.cases.applyBookings([Self.booking("Yab1", startingAfter: 0)], cursor: "b1")
        #expect(try fixture.cases.storedBooking(code: "yAB1")?.code == "Yab1")
        #expect(try fixture.cases.storedBooking(code: "Yab2") == nil)
    }

    @Test(arguments: CaseFixture.Kind.allCases)
    func aCheckInIsRecordedOnceAndOutlivesAPulledStatus(kind: CaseFixture.Kind) throws {
        let fixture = try CaseFixture(kind)
        try fixture.cases.applyBookings([Self.booking("Y1", startingAfter: 0)], cursor: "b1")
        #expect(try fixture.cases.recordCheckIn(code: "Y1", ticketNumber: "A007", at: Self.nine))
        #expect(try fixture.cases.recordCheckIn(code: "Y1", ticketNumber: "A008", at: Self.nine) == false)
        // The platform's newer version (still `booked`, the check-in not yet known there) keeps the number.
        try fixture.cases.applyBookings([Self.booking("Y1", startingAfter: 0, version: 2)], cursor: "b2")
        let stored = try #require(try fixture.cases.storedBooking(code: "Y1"))
        #expect(stored.status == .checkedIn)
        #expect(stored.ticketNumber == "A007")
        #expect(stored.checkedInAt == Self.nine)
        #expect(try fixture.cases.booking(code: "Y1")?.version == 2)
    }

    @Test func anUnknownPulledStatusCannotBeCheckedIn() throws {
        let fixture = try CaseFixture(.memory)
        try fixture.cases.applyBookings([Self.booking("Y1", startingAfter: 0, status: "no_show")], cursor: "b1")
        #expect(try fixture.cases.storedBooking(code: "Y1")?.status == .cancelled)
    }

    @Test func kioskBookingsReplaceTheirCodeAndItsCheckIn() throws {
        let fixture = try CaseFixture(.memory)
        try fixture.cases.replaceBookings([Self.booking("Y1", startingAfter: 0)])
        try fixture.cases.recordCheckIn(code: "Y1", ticketNumber: "A001", at: Self.nine)
        try fixture.cases.replaceBookings([Self.booking("Y1", startingAfter: 24)])
        let stored = try #require(try fixture.cases.storedBooking(code: "Y1"))
        #expect(stored.status == .booked)
        #expect(stored.ticketNumber == nil)
        #expect(stored.slotStart == Self.nine.addingTimeInterval(24 * 3600))
    }

    @Test func aSyncDatabaseGainsTheCheckInColumnsKeepingItsBookings() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-v6-\(UUID().uuidString).sqlite").path
        do {
            let old = try DatabaseQueue(path: path)
            try QueueStore.migrator.migrate(old, upTo: "v6-sync")
            try old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO booking (code, business, slot_start, slot_end, holder_masked_name, holder_key, status, version)
                        VALUES ('Y1', 'social', 0, 1800, '张*', NULL, 'booked', 3)
                        """)
            }
            try old.close()
        }
        let store = try QueueStore(path: path)
        let columns = try store.writer.read { db in try db.columns(in: "booking").map(\.name) }
        #expect(columns.contains("ticket_number") && columns.contains("checked_in_at"))
        let key = try DataKey.openOrCreate(at: path + ".key", recordedFingerprint: nil).0
        let cases = CaseStore(store: store, dataKey: key, deviceID: "K0007")
        let stored = try #require(try cases.storedBooking(code: "Y1"))
        #expect(stored.status == .booked && stored.ticketNumber == nil)
    }
}
