// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// 有效期限: when a card was issued and until when it is valid.
public struct ValidityPeriod: Sendable, Hashable, CustomStringConvertible {
    /// The last day a card is valid, or `长期` (long-term, no end).
    public enum End: Sendable, Hashable, CustomStringConvertible {
        /// Valid through this day.
        case date(CardDate)
        /// `长期`: valid without end (cards issued to people aged 46 and over).
        case longTerm

        /// The text the card stores: `长期` for long-term cards.
        public static let longTermText = "长期"

        /// `yyyyMMdd` or `长期`, as on the card.
        public var cardText: String {
            switch self {
            case .date(let date): date.yyyyMMdd
            case .longTerm: Self.longTermText
            }
        }

        /// ISO 8601 or `长期`.
        public var description: String {
            switch self {
            case .date(let date): date.description
            case .longTerm: Self.longTermText
            }
        }
    }

    /// The first valid day (the issue date).
    public let start: CardDate
    /// The last valid day, or long-term.
    public let end: End

    /// Creates a period.
    /// - Parameters:
    ///   - start: The first valid day.
    ///   - end: The last valid day, or ``End/longTerm``.
    public init(start: CardDate, end: End) {
        self.start = start
        self.end = end
    }

    /// Whether a day falls within the period (both ends included).
    /// - Parameter day: The day, in the hall's time zone.
    /// - Returns: True from ``start`` through ``end``.
    public func contains(_ day: CardDate) -> Bool {
        guard day >= start else { return false }
        switch end {
        case .date(let last): return day <= last
        case .longTerm: return true
        }
    }

    /// `start–end`, e.g. `2016-01-01–2036-01-01`.
    public var description: String { "\(start)–\(end)" }
}
