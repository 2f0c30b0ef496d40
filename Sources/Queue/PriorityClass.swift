// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why a ticket may be served before others. Stored and sent as its raw value.
public enum PriorityClass: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Everyone else.
    case normal
    /// An appointment checked in at the kiosk (预约签到).
    case appointment
    /// A citizen at or over the elderly age (老年人优先), from the ID card's birth date.
    case elderly
    /// 绿色通道: disabled people, military and other configured categories.
    case greenChannel = "green_channel"

    /// Strict order: a higher rank is always called first under ``CallingPolicy/strict``.
    public var rank: Int {
        switch self {
        case .normal: 0
        case .appointment: 1
        case .elderly: 2
        case .greenChannel: 3
        }
    }

    /// The Chinese label shown to staff and printed on the ticket.
    public var label: String {
        switch self {
        case .normal: "普通"
        case .appointment: "预约"
        case .elderly: "老年人优先"
        case .greenChannel: "绿色通道"
        }
    }

    /// Whether this is any kind of priority.
    public var isPriority: Bool { self != .normal }

    /// Orders by rank.
    public static func < (lhs: PriorityClass, rhs: PriorityClass) -> Bool { lhs.rank < rhs.rank }
}

/// Who gets priority, from the configuration's `[priority]` table.
public struct PriorityRules: Sendable, Hashable {
    /// Age (in whole years on the day of taking) from which a card holder is elderly.
    public var elderlyAge: Int
    /// The green-channel categories a ticket may claim, e.g. `disabled`, `military`.
    public var greenChannelCategories: [String]
    /// Weights used by ``CallingPolicy/aged``: waiting time is multiplied by the class's weight.
    public var agedWeights: [PriorityClass: Double]

    /// Creates priority rules with the usual defaults.
    public init(
        elderlyAge: Int = 60,
        greenChannelCategories: [String] = ["disabled", "military"],
        agedWeights: [PriorityClass: Double] = [.normal: 1, .appointment: 3, .elderly: 2, .greenChannel: 3]
    ) {
        self.elderlyAge = elderlyAge
        self.greenChannelCategories = greenChannelCategories
        self.agedWeights = agedWeights
    }

    /// The aged-policy weight of a class (1 when not configured).
    public func agedWeight(_ priority: PriorityClass) -> Double {
        agedWeights[priority] ?? 1
    }
}

/// How a window chooses among waiting tickets. The choice is always explained to the window.
public enum CallingPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Highest priority class first, then the longest (weighted) wait. Normal tickets can starve.
    case strict
    /// Waiting time multiplied by the class's weight: a new priority ticket overtakes only as it ages.
    case aged
    /// After `priority` priority calls in a row, `normal` normal calls, so nobody starves.
    case interleave(priority: Int, normal: Int)

    /// The config form: `strict`, `aged` or `interleave 2:1`.
    public var description: String {
        switch self {
        case .strict: "strict"
        case .aged: "aged"
        case .interleave(let priority, let normal): "interleave \(priority):\(normal)"
        }
    }
}
