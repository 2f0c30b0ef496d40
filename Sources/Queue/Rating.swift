// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A citizen's rating of a finished service (好差评), on the national five-level scale.
public enum RatingLevel: Int, Sendable, Hashable, Codable, CaseIterable {
    /// 非常不满意
    case veryDissatisfied = 1
    /// 不满意
    case dissatisfied = 2
    /// 基本满意
    case fairlySatisfied = 3
    /// 满意
    case satisfied = 4
    /// 非常满意
    case verySatisfied = 5

    /// The Chinese name of the level.
    public var label: String {
        switch self {
        case .veryDissatisfied: "非常不满意"
        case .dissatisfied: "不满意"
        case .fairlySatisfied: "基本满意"
        case .satisfied: "满意"
        case .verySatisfied: "非常满意"
        }
    }

    /// Whether the national rules require a call-back and rectification (差评).
    public var isNegative: Bool { rawValue <= 2 }
}

/// One rating of one ticket.
public struct Rating: Sendable, Hashable, Codable {
    /// The level chosen.
    public var level: RatingLevel
    /// An optional reason, e.g. 等候时间长.
    public var reason: String?
    /// When the rating was given.
    public var ratedAt: Date

    /// Creates a rating.
    public init(level: RatingLevel, reason: String?, ratedAt: Date) {
        self.level = level
        self.reason = reason
        self.ratedAt = ratedAt
    }
}
