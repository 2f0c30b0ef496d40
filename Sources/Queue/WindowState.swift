// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A window's run-time state, persisted so a restart resumes where it was.
public struct WindowState: Sendable, Hashable, Codable, Identifiable {
    /// The window's id.
    public let id: String
    /// The businesses it serves now (潮汐窗口 switches them at run time).
    public var businesses: [ServedBusiness]
    /// Whether it is paused (暂停): it calls nobody and counts for no estimate.
    public var paused: Bool
    /// The ticket it is serving now.
    public var currentTicket: Int64?
    /// Position in the interleave cycle of ``CallingPolicy/interleave(priority:normal:)``.
    public var interleavePosition: Int

    /// Creates a window state.
    public init(id: String, businesses: [ServedBusiness], paused: Bool = false, currentTicket: Int64? = nil, interleavePosition: Int = 0) {
        self.id = id
        self.businesses = businesses
        self.paused = paused
        self.currentTicket = currentTicket
        self.interleavePosition = interleavePosition
    }

    /// The weight this window gives a business, or `nil` when it does not serve it.
    public func weight(of business: String) -> Double? {
        businesses.first { $0.business == business }?.weight
    }
}
