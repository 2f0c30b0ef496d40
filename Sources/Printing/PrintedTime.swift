// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Dates as printed on tickets and receipts: `2025-03-04 09:12`, `2025-03-04`, `09:12` (ASCII only).
enum PrintedTime {
    /// `yyyy-MM-dd HH:mm` in the time zone.
    static func minute(_ date: Date, in timeZone: TimeZone) -> String {
        day(date, in: timeZone) + " " + time(date, in: timeZone)
    }

    /// `yyyy-MM-dd` in the time zone.
    static func day(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = components(date, timeZone)
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
    }

    /// `HH:mm` in the time zone.
    static func time(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = components(date, timeZone)
        return "\(pad(parts.hour, 2)):\(pad(parts.minute, 2))"
    }

    /// Whether two dates fall on the same calendar day in the time zone.
    static func isSameDay(_ first: Date, _ second: Date, in timeZone: TimeZone) -> Bool {
        day(first, in: timeZone) == day(second, in: timeZone)
    }

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

    private static func pad(_ value: Int?, _ width: Int) -> String {
        let digits = String(value ?? 0)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}
