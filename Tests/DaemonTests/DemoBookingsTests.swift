// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Logging
import PersonalData
import Queue
import Store
import SyncProtocol
import Testing

@testable import Daemon

/// The demo hall seeds two bookings for the day it starts, covering the whole open day, so check-in can be
/// tried at any hour; a restart the same day keeps them as they are.
struct DemoBookingsTests {
    @Test func theDemoHallSeedsTodaysBookingsOncePerDay() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try QueueStore(path: directory.appendingPathComponent("kioskd.sqlite").path)
        let key = try DataKey.openOrCreate(at: directory.appendingPathComponent("kioskd.key").path, recordedFingerprint: nil).0
        let daemon = KioskDaemon(configuration: .demo, logger: Logger(label: "test"))
        let hall = KioskConfiguration.demo.hall
        let today = LocalDay.moments(containing: Date(), in: hall.timeZone)

        let cases = try daemon.makeCaseService(store: store, dataKey: key, deviceID: "K0007", desk: CardDesk(), printer: nil)
        let seeded = try cases.store.bookings(startingIn: today)
        #expect(seeded.map(\.code) == ["Y0001", "Y0002"])
        #expect(seeded.map(\.business) == hall.businesses.prefix(2).map(\.code))
        #expect(seeded.map(\.holderMaskedName) == ["张*", "李**"])
        // The demo businesses take tickets around the clock.
        #expect(seeded.allSatisfy { $0.slotStart == today.lowerBound && $0.slotEnd == today.upperBound && $0.status == .booked })

        try cases.store.recordCheckIn(code: "Y0001", ticketNumber: "A001", at: Date())
        let restarted = try daemon.makeCaseService(store: store, dataKey: key, deviceID: "K0007", desk: CardDesk(), printer: nil)
        #expect(try restarted.store.storedBooking(code: "Y0001")?.ticketNumber == "A001")
    }

    @Test func aSlotCoversItsBusinesssOpenDay() throws {
        let day = LocalDay.moments(of: "2026-11-23", in: TimeZone(identifier: "Asia/Shanghai")!)!
        let hall = HallConfiguration(
            name: "测试大厅",
            businesses: [Business(code: "social", name: "社保业务", prefix: "A", openHours: OpenHours(parsing: "08:30-12:00,13:30-17:30")!)],
            windows: [Window(id: "1", name: "1号窗口", businesses: [ServedBusiness(business: "social")])])
        let bookings = DemoBookings.bookings(on: day, hall: hall)
        #expect(bookings.map(\.code) == ["Y0001"])
        #expect(bookings.first?.slotStart == ISO8601DateFormatter().date(from: "2026-11-23T08:30:00+08:00"))
        #expect(bookings.first?.slotEnd == ISO8601DateFormatter().date(from: "2026-11-23T17:30:00+08:00"))
    }
}
