// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Synchronization

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// Starts at 2026-11-23 09:00 Beijing time.
    init(_ start: Date = ISO8601DateFormatter().date(from: "2026-11-23T09:00:00+08:00")!) {
        current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    func advance(minutes: Double) {
        current.withLock { $0 = $0.addingTimeInterval(minutes * 60) }
    }
}
