// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A booking (预约) as the kiosk's menu sees it: masked holder only (never the holder key), with the queue
/// number it was checked in with here.
public struct StoredBooking: Sendable, Hashable {
    /// Where the booking stands.
    public enum Status: String, Sendable, Hashable {
        /// Booked and not yet checked in.
        case booked
        /// Cancelled by the citizen or the platform.
        case cancelled
        /// Checked in, here or (as the platform says) elsewhere.
        case checkedIn = "checked_in"
    }

    /// The code the citizen types or shows (预约码).
    public var code: String
    /// The business's code at the hall.
    public var business: String
    /// The slot's start.
    public var slotStart: Date
    /// The slot's end.
    public var slotEnd: Date
    /// The holder's masked name, e.g. `张*`.
    public var holderMaskedName: String
    /// Where it stands; `checkedIn` whenever this kiosk checked it in, whatever a later pull said.
    public var status: Status
    /// The queue number it was checked in with at this kiosk.
    public var ticketNumber: String?
    /// When it was checked in at this kiosk.
    public var checkedInAt: Date?

    /// Creates a booking.
    public init(
        code: String, business: String, slotStart: Date, slotEnd: Date, holderMaskedName: String, status: Status,
        ticketNumber: String? = nil, checkedInAt: Date? = nil
    ) {
        self.code = code
        self.business = business
        self.slotStart = slotStart
        self.slotEnd = slotEnd
        self.holderMaskedName = holderMaskedName
        self.status = status
        self.ticketNumber = ticketNumber
        self.checkedInAt = checkedInAt
    }
}
