// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A calendar date as a card stores it: `yyyyMMdd`, no time zone.
public struct CardDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// Creates a date, checking that the day exists (leap years included).
    /// - Parameters:
    ///   - year: 1 to 9999.
    ///   - month: 1 to 12.
    ///   - day: 1 to the month's last day.
    /// - Throws: ``IDCardError/Code/invalidDate``.
    public init(year: Int, month: Int, day: Int) throws(IDCardError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.days(inMonth: month, of: year)).contains(day)
        else { throw IDCardError(.invalidDate) }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses 8 ASCII digits, `yyyyMMdd`.
    /// - Parameter text: e.g. `19491231`.
    /// - Throws: ``IDCardError/Code/invalidDate`` when it is not 8 digits or not a real date.
    public init(yyyyMMdd text: some StringProtocol) throws(IDCardError) {
        let digits = text.utf8.map { Int($0) - 0x30 }
        guard digits.count == 8, digits.allSatisfy({ (0...9).contains($0) }) else {
            throw IDCardError(.invalidDate)
        }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        try self.init(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    /// The date as 8 digits, e.g. `19491231`.
    public var yyyyMMdd: String { Self.padded(year, 4) + Self.padded(month, 2) + Self.padded(day, 2) }

    /// ISO 8601, e.g. `1949-12-31`.
    public var description: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }

    /// Earlier dates first.
    public static func < (lhs: CardDate, rhs: CardDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
