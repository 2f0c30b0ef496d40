// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Everything the queue engine needs to know about one hall: its businesses, windows and rules.
///
/// The daemon builds it from the technician's TOML file (or the built-in demo hall), and the
/// `KioskConfiguration` loader checks every value; the engine never reads files itself and trusts
/// what it is given.
///
/// - Configuration keys (TOML, see `kioskd config example`):
///   - `hall.name` (string, required): shown on tickets and displays.
///   - `hall.time_zone` (string, default `Asia/Shanghai`): the day rolls over at local midnight.
///   - `hall.nightly_reset` (bool, default `true`): `false` for a 24-hour office.
///   - `[[business]]`, `[[window]]`, `[priority]`, `[calling]`, `[alarm]`, `[estimate]`, `[window_rules]`.
public struct HallConfiguration: Sendable, Hashable {
    /// The hall's name, printed on tickets.
    public var name: String
    /// The hall's time zone; service days start at its local midnight.
    public var timeZone: TimeZone
    /// Whether numbering restarts and the waiting queue is cleared at local midnight.
    public var nightlyReset: Bool
    /// The businesses tickets can be taken for, in display order.
    public var businesses: [Business]
    /// The service windows.
    public var windows: [Window]
    /// Who gets priority and how.
    public var priority: PriorityRules
    /// How a window picks the next ticket.
    public var callingPolicy: CallingPolicy
    /// The five-colour alarm thresholds.
    public var alarm: AlarmThresholds
    /// Parameters of the waiting-time estimate.
    public var estimate: EstimateSettings
    /// Limits on window operations.
    public var windowRules: WindowRules

    /// Creates a hall configuration.
    public init(
        name: String,
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!,
        nightlyReset: Bool = true,
        businesses: [Business],
        windows: [Window],
        priority: PriorityRules = PriorityRules(),
        callingPolicy: CallingPolicy = .interleave(priority: 2, normal: 1),
        alarm: AlarmThresholds = AlarmThresholds(),
        estimate: EstimateSettings = EstimateSettings(),
        windowRules: WindowRules = WindowRules()
    ) {
        self.name = name
        self.timeZone = timeZone
        self.nightlyReset = nightlyReset
        self.businesses = businesses
        self.windows = windows
        self.priority = priority
        self.callingPolicy = callingPolicy
        self.alarm = alarm
        self.estimate = estimate
        self.windowRules = windowRules
    }

    /// The business with this code, if configured.
    public func business(_ code: String) -> Business? {
        businesses.first { $0.code == code }
    }

    /// The window with this id, if configured.
    public func window(_ id: String) -> Window? {
        windows.first { $0.id == id }
    }
}

/// A limit on what windows may do.
public struct WindowRules: Sendable, Hashable {
    /// How many times one ticket may be recalled (重呼) before it must be skipped.
    public var maxRecalls: Int
    /// How many waiting people a re-activated no-show goes behind (过号重排).
    public var reactivatePlaces: Int
    /// The outcome codes a window may finish a ticket with; the first is the default.
    public var outcomes: [String]

    /// Creates window rules with the defaults a hall usually wants.
    public init(maxRecalls: Int = 3, reactivatePlaces: Int = 3, outcomes: [String] = ["done", "incomplete", "referred", "other"]) {
        self.maxRecalls = maxRecalls
        self.reactivatePlaces = reactivatePlaces
        self.outcomes = outcomes
    }
}

/// Parameters of the waiting-time estimate (see ``WaitEstimator``).
public struct EstimateSettings: Sendable, Hashable {
    /// How many recent service times of a business the estimate averages.
    public var sampleSize: Int
    /// How many pseudo-samples of the business's typical service time are blended in (shrinkage).
    public var priorWeight: Int

    /// Creates estimate settings.
    public init(sampleSize: Int = 20, priorWeight: Int = 3) {
        self.sampleSize = sampleSize
        self.priorWeight = priorWeight
    }
}
