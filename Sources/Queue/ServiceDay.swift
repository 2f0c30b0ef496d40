// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A hall's local calendar day (`2026-11-23`): numbering and statistics are per service day.
public struct ServiceDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The day as `yyyy-MM-dd`.
    public let text: String

    /// Wraps an already formatted day.
    public init(_ text: String) {
        self.text = text
    }

    /// The local day of `date` in `timeZone`.
    public init(of date: Date, in timeZone: TimeZone) {
        self = LocalClock(timeZone: timeZone).serviceDay(of: date)
    }

    /// The `yyyy-MM-dd` form.
    public var description: String { text }

    /// Orders chronologically (the text form sorts correctly).
    public static func < (lhs: ServiceDay, rhs: ServiceDay) -> Bool { lhs.text < rhs.text }

    /// Encodes as the bare `yyyy-MM-dd` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Decodes from a bare `yyyy-MM-dd` string.
    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }
}

/// Local-time arithmetic in the hall's time zone.
public struct LocalClock: Sendable {
    /// The hall's time zone.
    public let timeZone: TimeZone
    private let calendar: Calendar

    /// A clock for a time zone, using the Gregorian calendar.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Year, month, day, and minutes after midnight of a moment, in local time.
    public func components(of date: Date) -> (year: Int, month: Int, day: Int, minuteOfDay: Int) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (parts.year!, parts.month!, parts.day!, parts.hour! * 60 + parts.minute!)
    }

    /// The local service day of a moment. Runs on every queue operation, so it pads digits by hand
    /// rather than through `String(format:)`.
    public func serviceDay(of date: Date) -> ServiceDay {
        let parts = components(of: date)
        let padded = { (value: Int, width: Int) -> String in
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return ServiceDay(padded(parts.year, 4) + "-" + padded(parts.month, 2) + "-" + padded(parts.day, 2))
    }

    /// The next local midnight strictly after `date`.
    public func nextMidnight(after date: Date) -> Date {
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: 1, to: start)!
    }

    /// Whole years from `birthDate` (`yyyy-MM-dd` or `yyyyMMdd`) to the local day of `date`; `nil` if malformed.
    public func age(birthDate: String, on date: Date) -> Int? {
        let digits = birthDate.filter(\.isNumber)
        guard digits.count == 8,
            let year = Int(digits.prefix(4)),
            let month = Int(digits.dropFirst(4).prefix(2)),
            let day = Int(digits.suffix(2)),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let today = components(of: date)
        var age = today.year - year
        if (today.month, today.day) < (month, day) { age -= 1 }
        return age >= 0 ? age : nil
    }
}
