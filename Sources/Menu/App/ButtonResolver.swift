// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Turns taps and keys into the buttons of the frame on screen.
///
/// A tap acts on release inside the button it was pressed in (a finger sliding off cancels). Keys: a
/// button's own key (`1`–`9`, `0`); Enter presses 确认 (or 完成, 继续); Backspace 删除; Escape 返回;
/// the left and right arrows 上一页 and 下一页. Other characters are passed on as typed text.
public struct ButtonResolver: Sendable {
    /// The button a finger is on, between press and release.
    public private(set) var pressed: String?

    /// A resolver with no finger down.
    public init() {}

    /// What an input event means on a frame.
    /// - Parameters:
    ///   - event: The event.
    ///   - frame: The frame on screen.
    /// - Returns: The menu input, or `nil` when the event presses nothing.
    public mutating func input(for event: InputEvent, on frame: ScreenLayout.Frame) -> MenuInput? {
        switch event {
        case .press(let column, let row):
            pressed = frame.target(column: column, row: row)
            return nil
        case .release(let column, let row):
            defer { pressed = nil }
            guard let pressed, frame.target(column: column, row: row) == pressed else { return nil }
            return .button(pressed)
        case .character(let character):
            if let id = frame.keys[character] { return .button(id) }
            return .typed(character)
        case .enter: return first(of: ["confirm", "done", "continue"], on: frame)
        case .backspace: return first(of: ["delete"], on: frame)
        case .escape: return first(of: ["back"], on: frame)
        case .arrow(.left), .arrow(.up): return first(of: ["previous"], on: frame)
        case .arrow(.right), .arrow(.down): return first(of: ["next"], on: frame)
        }
    }

    private func first(of ids: [String], on frame: ScreenLayout.Frame) -> MenuInput? {
        ids.first { id in frame.targets.contains { $0.id == id } }.map { .button($0) }
    }
}
