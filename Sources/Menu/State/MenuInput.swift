// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Everything the menu's state machine reacts to.
public enum MenuInput: Sendable, Equatable {
    /// A button was tapped or its key pressed: the button's id.
    case button(String)
    /// A character typed that no button's key claims (letters of a booking code on a keyboard).
    case typed(Character)
    /// The clock moved: idle prompts, resets, retries are decided on ticks.
    case tick
    /// An event from the daemon's stream.
    case event(DaemonEvent)
    /// The daemon answered a request.
    case reply(MenuRequest, MenuReply)
    /// A request failed.
    case failure(MenuRequest, MenuError)
}
