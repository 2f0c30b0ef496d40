// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Store

/// A booking as the menu sees it (schema `Booking`): the holder masked, never the holder key.
struct BookingView: Encodable {
    let booking: StoredBooking
    let configuration: HallConfiguration

    private enum Keys: String, CodingKey {
        case code, business, businessName, slotStart, slotEnd, holder, status, ticketNumber
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(booking.code, forKey: .code)
        try container.encode(booking.business, forKey: .business)
        try container.encode(configuration.business(booking.business)?.name ?? booking.business, forKey: .businessName)
        try container.encode(booking.slotStart, forKey: .slotStart)
        try container.encode(booking.slotEnd, forKey: .slotEnd)
        try container.encode(booking.holderMaskedName, forKey: .holder)
        try container.encode(booking.status.rawValue, forKey: .status)
        try container.encode(booking.ticketNumber, forKey: .ticketNumber)
    }
}

/// `GET /api/v1/bookings`: one local day's bookings.
struct BookingListView: Encodable {
    let day: String
    let bookings: [BookingView]
}
