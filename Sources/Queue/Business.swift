// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A business (业务) citizens take tickets for, with its own number series.
public struct Business: Sendable, Hashable, Identifiable {
    /// Short code used in the API and config, e.g. `social-security`.
    public var code: String
    /// The Chinese name shown to citizens, e.g. 社保业务.
    public var name: String
    /// The ticket prefix, e.g. `A` gives A001.
    public var prefix: String
    /// Digits of the daily sequence, zero-padded (3 gives 001…999).
    public var numberWidth: Int
    /// When tickets may be taken, in the hall's local time.
    public var openHours: OpenHours
    /// The most tickets issued per day, or `nil` for no limit below the number width.
    public var dailyCapacity: Int?
    /// The typical service time in seconds, used before enough real ones are measured.
    public var typicalServiceSeconds: Double

    /// The business's identity is its code.
    public var id: String { code }

    /// Creates a business.
    public init(
        code: String,
        name: String,
        prefix: String,
        numberWidth: Int = 3,
        openHours: OpenHours = .allDay,
        dailyCapacity: Int? = nil,
        typicalServiceSeconds: Double = 300
    ) {
        self.code = code
        self.name = name
        self.prefix = prefix
        self.numberWidth = numberWidth
        self.openHours = openHours
        self.dailyCapacity = dailyCapacity
        self.typicalServiceSeconds = typicalServiceSeconds
    }

    /// The largest sequence the number width can show (999 for width 3).
    public var maxSequence: Int {
        var value = 1
        for _ in 0..<numberWidth { value *= 10 }
        return value - 1
    }

    /// The printed number for a sequence: prefix plus zero-padded digits.
    public func number(for sequence: Int) -> String {
        let digits = String(sequence)
        return prefix + String(repeating: "0", count: max(0, numberWidth - digits.count)) + digits
    }
}

/// A service window (窗口) and the businesses it serves, with weights (综合窗口).
public struct Window: Sendable, Hashable, Identifiable {
    /// Short id used in the API, e.g. `3`.
    public var id: String
    /// The name shown and announced, e.g. 3号窗口.
    public var name: String
    /// The businesses served at start; switchable at run time (潮汐窗口).
    public var businesses: [ServedBusiness]

    /// Creates a window.
    public init(id: String, name: String, businesses: [ServedBusiness]) {
        self.id = id
        self.name = name
        self.businesses = businesses
    }
}

/// One business a window serves, and how strongly it prefers it.
public struct ServedBusiness: Sendable, Hashable, Codable {
    /// The business code.
    public var business: String
    /// The weight: waiting time is multiplied by it when a window compares its businesses.
    public var weight: Double

    /// Creates a served business.
    public init(business: String, weight: Double = 1) {
        self.business = business
        self.weight = weight
    }
}
