// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The daily periods in which tickets may be taken, as minutes after local midnight.
public struct OpenHours: Sendable, Hashable, CustomStringConvertible {
    /// One period, `start` inclusive, `end` exclusive, in minutes after midnight (0…1440).
    public struct Period: Sendable, Hashable {
        /// Minutes after midnight the period opens.
        public var start: Int
        /// Minutes after midnight the period closes.
        public var end: Int

        /// Creates a period; `end` may be 1440 (24:00).
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// The periods, in order.
    public var periods: [Period]

    /// Creates open hours from periods.
    public init(periods: [Period]) {
        self.periods = periods
    }

    /// Open around the clock.
    public static let allDay = OpenHours(periods: [Period(start: 0, end: 1440)])

    /// Parses `"08:30-12:00,13:30-17:30"`; returns `nil` when malformed or overlapping.
    public init?(parsing text: String) {
        var periods: [Period] = []
        for part in text.split(separator: ",") {
            let bounds = part.trimmingCharactersInSpaces().split(separator: "-")
            guard bounds.count == 2,
                let start = OpenHours.minutes(String(bounds[0])),
                let end = OpenHours.minutes(String(bounds[1])),
                start < end
            else { return nil }
            if let last = periods.last, last.end > start { return nil }
            periods.append(Period(start: start, end: end))
        }
        guard !periods.isEmpty else { return nil }
        self.periods = periods
    }

    /// Whether a local time (minutes after midnight) is inside a period.
    public func contains(minuteOfDay: Int) -> Bool {
        periods.contains { $0.start <= minuteOfDay && minuteOfDay < $0.end }
    }

    /// The text form, e.g. `08:30-12:00,13:30-17:30`.
    public var description: String {
        periods.map { "\(OpenHours.clock($0.start))-\(OpenHours.clock($0.end))" }.joined(separator: ",")
    }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharactersInSpaces().split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
            let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }

    private static func clock(_ minutes: Int) -> String {
        let hours = String(minutes / 60)
        let rest = String(minutes % 60)
        return (hours.count < 2 ? "0" + hours : hours) + ":" + (rest.count < 2 ? "0" + rest : rest)
    }
}

extension Substring {
    fileprivate func trimmingCharactersInSpaces() -> Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension String {
    fileprivate func trimmingCharactersInSpaces() -> Substring {
        Substring(self).trimmingCharactersInSpaces()
    }
}
