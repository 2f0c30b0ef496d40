// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The five-colour waiting-load alarm (五色预警) of one business, from calm to severe.
public enum AlarmLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 蓝色: nobody or almost nobody waits.
    case blue
    /// 绿色: normal load.
    case green
    /// 黄色: busy; consider opening a window.
    case yellow
    /// 橙色: crowded; open a window now.
    case orange
    /// 红色: severe; the manager must act.
    case red

    /// 0 for blue … 4 for red.
    public var severity: Int { AlarmLevel.allCases.firstIndex(of: self)! }

    /// The Chinese name shown on the display, e.g. 黄色预警.
    public var label: String {
        switch self {
        case .blue: "蓝色"
        case .green: "绿色"
        case .yellow: "黄色"
        case .orange: "橙色"
        case .red: "红色"
        }
    }

    /// Orders by severity.
    public static func < (lhs: AlarmLevel, rhs: AlarmLevel) -> Bool { lhs.severity < rhs.severity }
}

/// Thresholds that raise the alarm level: four ascending values each, for green, yellow, orange and red.
///
/// A business's level is the higher of the level its waiting count reaches and the level its longest
/// wait reaches. With the defaults, 0 waiting is blue, 1–9 green, 10–19 yellow, 20–39 orange, 40+ red;
/// and a longest wait of 15 min is at least yellow, 30 min orange, 60 min red.
public struct AlarmThresholds: Sendable, Hashable {
    /// Waiting counts at which green, yellow, orange and red start.
    public var waitingCount: [Int]
    /// Longest waits, in seconds, at which green, yellow, orange and red start.
    public var longestWaitSeconds: [Double]

    /// Creates thresholds; each array must hold four ascending values.
    public init(waitingCount: [Int] = [1, 10, 20, 40], longestWaitSeconds: [Double] = [1, 900, 1800, 3600]) {
        self.waitingCount = waitingCount
        self.longestWaitSeconds = longestWaitSeconds
    }

    /// The level for a business with `waiting` tickets, the oldest waiting `longestWait` seconds.
    public func level(waiting: Int, longestWait: Double) -> AlarmLevel {
        let byCount = waitingCount.filter { waiting >= $0 }.count
        let byWait = waiting == 0 ? 0 : longestWaitSeconds.filter { longestWait >= $0 }.count
        return AlarmLevel.allCases[min(4, max(byCount, byWait))]
    }
}
