// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import GRDB
public import SyncProtocol

extension CaseStore {
    /// The bookings whose slot starts in `interval` (a local day, say), by slot start then code.
    /// - Parameter interval: The moments; the end is excluded.
    /// - Throws: ``StoreError`` `readFailed`.
    public func bookings(startingIn interval: Range<Date>) throws(StoreError) -> [StoredBooking] {
        do {
            return try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM booking WHERE slot_start >= ? AND slot_start < ? ORDER BY slot_start, code",
                    arguments: [interval.lowerBound.timeIntervalSince1970, interval.upperBound.timeIntervalSince1970]
                ).map { Self.storedBooking(row: $0) }
            }
        } catch {
            throw StoreError(.readFailed, "cannot read the bookings", underlying: error)
        }
    }

    /// The booking with this code, compared without regard to case (citizens type `y0001` for `Y0001`).
    /// - Parameter code: The booking code, already trimmed.
    /// - Throws: ``StoreError`` `readFailed`.
    public func storedBooking(code: String) throws(StoreError) -> StoredBooking? {
        do {
            return try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM booking WHERE code = ? COLLATE NOCASE", arguments: [code])
                    .map { Self.storedBooking(row: $0) }
            }
        } catch {
            throw StoreError(.readFailed, "cannot read a booking", underlying: error)
        }
    }

    /// Marks a booking checked in with the queue number it was given, unless it already was.
    /// - Parameters:
    ///   - code: The booking's code as stored (``StoredBooking/code``).
    ///   - ticketNumber: The number issued for it.
    ///   - moment: When.
    /// - Returns: Whether this call marked it (`false`: it was checked in already, or is gone).
    /// - Throws: ``StoreError`` `writeFailed`.
    @discardableResult
    public func recordCheckIn(code: String, ticketNumber: String, at moment: Date) throws(StoreError) -> Bool {
        do {
            return try writer.write { db in
                try db.execute(
                    sql: """
                        UPDATE booking SET status = 'checked_in', ticket_number = ?, checked_in_at = ?
                        WHERE code = ? AND ticket_number IS NULL
                        """,
                    arguments: [ticketNumber, moment.timeIntervalSince1970, code])
                return db.changesCount > 0
            }
        } catch {
            throw StoreError(.writeFailed, "cannot record a booking's check-in", underlying: error)
        }
    }

    /// Stores bookings made on the kiosk itself (the demo hall's), replacing any with the same code together
    /// with its check-in. Bookings from the central server go through ``applyBookings(_:cursor:)`` instead.
    /// - Parameter bookings: The bookings.
    /// - Throws: ``StoreError`` `writeFailed`; none is stored then.
    public func replaceBookings(_ bookings: [BookingEntry]) throws(StoreError) {
        do {
            try writer.write { db in
                for booking in bookings {
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO booking
                                (code, business, slot_start, slot_end, holder_masked_name, holder_key, status, version)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            booking.code, booking.business, booking.slotStart.timeIntervalSince1970,
                            booking.slotEnd.timeIntervalSince1970, booking.holderMaskedName, booking.holderKey,
                            booking.status, booking.version,
                        ])
                }
            }
        } catch {
            throw StoreError(.writeFailed, "cannot store bookings", underlying: error)
        }
    }

    /// A `booking` row as the menu sees it. A check-in here wins over the pulled status; a status this kiosk
    /// does not know is shown as cancelled, so it cannot be checked in.
    private static func storedBooking(row: Row) -> StoredBooking {
        let ticketNumber: String? = row["ticket_number"]
        let checkedInAt: Double? = row["checked_in_at"]
        let pulled = StoredBooking.Status(rawValue: row["status"]) ?? .cancelled
        return StoredBooking(
            code: row["code"], business: row["business"], slotStart: Date(timeIntervalSince1970: row["slot_start"]),
            slotEnd: Date(timeIntervalSince1970: row["slot_end"]), holderMaskedName: row["holder_masked_name"],
            status: ticketNumber == nil ? pulled : .checkedIn, ticketNumber: ticketNumber,
            checkedInAt: checkedInAt.map(Date.init(timeIntervalSince1970:)))
    }
}
