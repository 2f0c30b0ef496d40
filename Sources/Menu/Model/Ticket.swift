// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A queue ticket as the daemon answers it (schema `Ticket`): only the fields the menu shows.
public struct Ticket: Sendable, Hashable, Decodable {
    /// The printed number, e.g. `A017`.
    public var number: String
    /// The business's name.
    public var businessName: String
    /// 普通, 预约, 老年人优先 or 绿色通道.
    public var priorityLabel: String
    /// People who will be called before it, while it waits.
    public var ahead: Int?
    /// Estimated seconds until it is called.
    public var estimatedWaitSeconds: Double?
    /// What became of its print, in the answers that print it.
    public var print: PrintOutcome?

    /// Creates a ticket.
    public init(
        number: String, businessName: String, priorityLabel: String = "普通", ahead: Int? = 0, estimatedWaitSeconds: Double? = 0,
        print: PrintOutcome? = nil
    ) {
        self.number = number
        self.businessName = businessName
        self.priorityLabel = priorityLabel
        self.ahead = ahead
        self.estimatedWaitSeconds = estimatedWaitSeconds
        self.print = print
    }
}
