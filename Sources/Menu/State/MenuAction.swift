// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What the menu's state machine asks its owner to do.
public enum MenuAction: Sendable, Hashable {
    /// Make a call to the daemon and feed the answer back as MenuInput/reply(_:_:) or
    /// MenuInput/failure(_:_:).
    case send(MenuRequest)
    /// The screen changed: lay it out and draw it.
    case render
}
