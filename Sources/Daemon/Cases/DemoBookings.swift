// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import SyncProtocol

/// The demo hall's bookings (预约), seeded for the day `kioskd run` starts with the built-in demo hall when that
/// day has none, so the menu's check-in (预约签到) can be tried without a central server. Each slot covers its
/// business's whole open day, so it can be checked in at any hour.
enum DemoBookings {
    /// The codes, one per business in the hall's order.
    static let codes = ["Y0001", "Y0002"]
    /// The holders' masked names.
    static let holders = ["张*", "李**"]

    /// The bookings for a local day; fewer when the hall has fewer businesses.
    /// - Parameters:
    ///   - day: The day's moments (``LocalDay``).
    ///   - hall: The hall: its first businesses' open hours.
    static func bookings(on day: Range<Date>, hall: HallConfiguration) -> [BookingEntry] {
        zip(zip(codes, holders), hall.businesses).map { booking, business in
            let periods = business.openHours.periods
            let opens = periods.first.map { TimeInterval($0.start * 60) } ?? 0
            let closes = periods.last.map { TimeInterval($0.end * 60) } ?? 86_400
            return BookingEntry(
                code: booking.0, business: business.code, slotStart: day.lowerBound.addingTimeInterval(opens),
                slotEnd: min(day.lowerBound.addingTimeInterval(closes), day.upperBound), holderMaskedName: booking.1,
                holderKey: nil, status: "booked", version: 0)
        }
    }
}
