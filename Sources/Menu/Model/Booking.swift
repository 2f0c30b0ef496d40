// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// One of today's appointments (预约), as `GET /api/v1/bookings` lists it, holder masked.
public struct Booking: Sendable, Hashable, Decodable {
    /// The booking code, e.g. `Y0001`.
    public var code: String
    /// The business code.
    public var business: String
    /// The business's name.
    public var businessName: String
    /// The slot's start, ISO 8601.
    public var slotStart: String
    /// The slot's end, ISO 8601.
    public var slotEnd: String
    /// The holder's masked name, e.g. `张*`.
    public var holder: String
    /// `booked`, `cancelled` or `checked_in`.
    public var status: String
    /// The ticket taken at check-in.
    public var ticketNumber: String?

    /// Creates a booking.
    public init(
        code: String, business: String, businessName: String, slotStart: String, slotEnd: String, holder: String,
        status: String = "booked", ticketNumber: String? = nil
    ) {
        self.code = code
        self.business = business
        self.businessName = businessName
        self.slotStart = slotStart
        self.slotEnd = slotEnd
        self.holder = holder
        self.status = status
        self.ticketNumber = ticketNumber
    }
}
