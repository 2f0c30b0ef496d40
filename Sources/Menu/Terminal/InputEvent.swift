// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What a person did at the terminal: a tap (a mouse report, as xterm turns a touch into a click) or a key.
public enum InputEvent: Sendable, Hashable {
    /// A finger went down on a cell (0-based).
    case press(column: Int, row: Int)
    /// A finger went up on a cell (0-based): buttons act on release inside the button they were pressed in.
    case release(column: Int, row: Int)
    /// A printable character: digits from a keypad, letters.
    case character(Character)
    /// Enter / Return.
    case enter
    /// Backspace or Delete.
    case backspace
    /// Escape pressed alone.
    case escape
    /// An arrow key.
    case arrow(Arrow)

    /// The arrow keys.
    public enum Arrow: Sendable, Hashable {
        case up, down, left, right
    }
}
