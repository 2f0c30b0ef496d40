// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A business of the hall as `GET /api/v1/businesses` lists it: only the fields the menu shows.
public struct Business: Sendable, Hashable, Decodable {
    /// The business code, e.g. `social-security`.
    public var code: String
    /// Its name, e.g. `社保业务`.
    public var name: String
    /// The ticket number prefix, e.g. `A`.
    public var prefix: String
    /// People waiting now.
    public var waiting: Int
    /// The 五色预警 level: `blue`, `green`, `yellow`, `orange` or `red`.
    public var alarmLevel: String
    /// The level's colour word, e.g. `黄色`.
    public var alarmLabel: String
    /// Windows serving it that are not paused.
    public var openWindows: Int
    /// Whether a ticket can be taken now.
    public var takingTickets: Bool
    /// The estimated wait of a ticket taken now, `nil` when no open window serves it.
    public var estimatedWaitSeconds: Double?

    /// Creates a business.
    public init(
        code: String, name: String, prefix: String, waiting: Int = 0, alarmLevel: String = "blue", alarmLabel: String = "蓝色",
        openWindows: Int = 1, takingTickets: Bool = true, estimatedWaitSeconds: Double? = 0
    ) {
        self.code = code
        self.name = name
        self.prefix = prefix
        self.waiting = waiting
        self.alarmLevel = alarmLevel
        self.alarmLabel = alarmLabel
        self.openWindows = openWindows
        self.takingTickets = takingTickets
        self.estimatedWaitSeconds = estimatedWaitSeconds
    }
}
