// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue

/// A local calendar day of the hall as the moments it spans, for listing a day's bookings.
enum LocalDay {
    /// From the local midnight that starts `day` (`yyyy-MM-dd`) to the next one; `nil` when it is not a real day.
    static func moments(of day: String, in timeZone: TimeZone) -> Range<Date>? {
        guard let start = WorkingDays.date(of: day, in: timeZone) else { return nil }
        return start..<LocalClock(timeZone: timeZone).nextMidnight(after: start)
    }

    /// The moments of the local day `moment` falls in.
    static func moments(containing moment: Date, in timeZone: TimeZone) -> Range<Date> {
        moments(of: WorkingDays.text(of: moment, in: timeZone), in: timeZone)!
    }
}
