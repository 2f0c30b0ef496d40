// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A `GS V` paper cut.
public struct PrintedCut: Sendable, Hashable {
    /// Whether the cut leaves a hinge (`m` = 1, 49 or 66).
    public var isPartial: Bool
    /// Dots fed before cutting (function B, `m` = 65 or 66), or `nil` for function A.
    public var feedDots: Int?
    /// The offset of the command.
    public var offset: Int
}
