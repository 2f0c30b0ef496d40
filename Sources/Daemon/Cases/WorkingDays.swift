// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Promised days (承诺时限) counted in working days: Saturdays and Sundays are skipped. Public holidays and
/// the make-up working weekends (调休) are not known to the kiosk, so they count as ordinary days; the
/// central platform's date, once synced, is the authoritative one.
enum WorkingDays {
    /// The local day `days` working days after `start`'s local day, as `yyyy-MM-dd`.
    /// - Parameters:
    ///   - days: Working days to add (0 gives the start day itself).
    ///   - start: The capture time.
    ///   - timeZone: The hall's time zone.
    static func day(adding days: Int, to start: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var day = calendar.startOfDay(for: start)
        var remaining = days
        while remaining > 0 {
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? day
            if !calendar.isDateInWeekend(day) { remaining -= 1 }
        }
        return text(of: day, in: timeZone)
    }

    /// A day as `yyyy-MM-dd` in a time zone.
    static func text(of date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The start of a `yyyy-MM-dd` day in a time zone, or `nil` when the text is not a real day.
    static func date(of text: String, in timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            Self.text(of: date, in: timeZone) == text
        else { return nil }
        return date
    }
}
