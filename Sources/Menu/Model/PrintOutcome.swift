// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What became of a ticket's or receipt's print, as the daemon answers it (schema `Print`).
public struct PrintOutcome: Sendable, Hashable, Decodable {
    /// `submitted`, `failed` or `off`.
    public var state: String
    /// What the menu tells the citizen, e.g. `凭条没有打印出来。请记住您的号码 A001，到服务台补打凭条`.
    public var message: String

    /// Creates an outcome.
    public init(state: String, message: String) {
        self.state = state
        self.message = message
    }

    /// Whether the print was refused at once.
    public var failed: Bool { state == "failed" }
}
