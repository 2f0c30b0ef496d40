// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Logging
import Queue
import Store
import Synchronization

/// A booking's check-in (预约签到): from 30 minutes before its slot to the slot's end, a booked code gets an
/// `appointment` ticket for its business through the same path as any ticket, and the booking is marked
/// with the ticket's number once the ticket is committed.
///
/// A code is checked in by one request at a time: a second one while the first runs is refused, so one
/// booking never yields two tickets.
final class BookingCheckIn: Sendable {
    /// How long before its slot a booking may be checked in.
    static let earliest: TimeInterval = 30 * 60

    private let issuer: TicketIssuer
    private let cases: CaseService
    private let running = Mutex<Set<String>>([])

    /// Creates the check-in.
    /// - Parameters:
    ///   - issuer: Issues and prints the ticket.
    ///   - cases: Where the bookings are stored.
    init(issuer: TicketIssuer, cases: CaseService) {
        self.issuer = issuer
        self.cases = cases
    }

    /// Checks a booking in and prints its ticket.
    /// - Parameters:
    ///   - typedCode: The code as typed: trimmed and compared without regard to case.
    ///   - card: A card session id that binds the ticket to the card holder, as when taking a ticket.
    ///   - logger: For a check-in that could not be recorded.
    /// - Returns: The ticket with its print's outcome.
    /// - Throws: ``APIError`` 404 `unknown_booking`, 409 `booking_cancelled`, `already_checked_in` (with the
    ///   number), `too_early`, `too_late`, `check_in_running`, and what taking a ticket throws.
    func checkIn(code typedCode: String, card: String?, logger: Logger) async throws -> TicketView {
        let code = typedCode.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = code.uppercased()
        guard running.withLock({ $0.insert(key).inserted }) else {
            throw APIError(.conflict, code: "check_in_running", message: "这个预约正在签到，请稍候")
        }
        defer { _ = running.withLock { $0.remove(key) } }
        guard !code.isEmpty, let booking = try await cases.perform({ try $0.storedBooking(code: code) }) else {
            throw APIError(.notFound, code: "unknown_booking", message: "没有找到这个预约码，请核对后重输")
        }
        try admit(booking, at: issuer.hall.currentTime)
        let issued = try await issuer.take(
            TakeBody(business: booking.business, priority: PriorityClass.appointment.rawValue, card: card))
        let number = issued.ticket.number
        do {
            _ = try await cases.perform { try $0.recordCheckIn(code: booking.code, ticketNumber: number, at: issued.ticket.takenAt) }
        } catch {
            // The ticket is in the queue already: the citizen keeps it even though the booking stays open.
            logger.error(
                "Booking check-in not recorded; its ticket stands",
                metadata: [LogKey.ticket.rawValue: "\(number)", LogKey.error.rawValue: "\(error)"])
        }
        return await issuer.print(issued)
    }

    /// Refuses a booking that cannot be checked in now.
    private func admit(_ booking: StoredBooking, at now: Date) throws(APIError) {
        switch booking.status {
        case .cancelled:
            throw APIError(.conflict, code: "booking_cancelled", message: "这个预约已经取消，请直接取号")
        case .checkedIn:
            let message = booking.ticketNumber.map { "这个预约已经签到，您的号码是 \($0)" } ?? "这个预约已经签到过了"
            throw APIError(.conflict, code: "already_checked_in", message: message, ticketNumber: booking.ticketNumber)
        case .booked:
            break
        }
        let clock = LocalClock(timeZone: issuer.hall.configuration.timeZone)
        let start = Self.time(booking.slotStart, clock: clock, dayOf: now)
        let slot = "\(start)–\(Self.time(booking.slotEnd, clock: clock, dayOf: booking.slotStart, isEnd: true))"
        let opens = booking.slotStart.addingTimeInterval(-Self.earliest)
        if now < opens {
            throw APIError(
                .conflict, code: "too_early", message: "预约时段 \(slot)，请在 \(Self.time(opens, clock: clock, dayOf: now)) 以后签到")
        }
        if now > booking.slotEnd {
            throw APIError(.conflict, code: "too_late", message: "预约时段 \(slot) 已过，请直接取号")
        }
    }

    /// `09:30` for a moment of `reference`'s local day, `11月24日 09:30` for another; an end at midnight is
    /// `24:00` of the day before.
    private static func time(_ moment: Date, clock: LocalClock, dayOf reference: Date, isEnd: Bool = false) -> String {
        let atMidnight = isEnd && clock.components(of: moment).minuteOfDay == 0
        let shown = clock.components(of: atMidnight ? moment.addingTimeInterval(-1) : moment)
        let minutes = atMidnight ? 1440 : shown.minuteOfDay
        let current = clock.components(of: reference)
        let day = (shown.year, shown.month, shown.day) == (current.year, current.month, current.day) ? "" : "\(shown.month)月\(shown.day)日 "
        return day + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
