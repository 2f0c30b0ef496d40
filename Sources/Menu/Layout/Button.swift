// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A touch target: a block of colour with a label, reached by a tap anywhere on it or by its key.
public struct Button: Sendable, Hashable, Identifiable {
    /// What a button does, which decides its colour.
    public enum Role: Sendable, Hashable {
        /// A main choice (a business, a matter): blue, white text.
        case choice
        /// A choice that is selected (a material marked received): yellow, black text.
        case selected
        /// Going ahead (确认取号, 打印回执): green, white text.
        case confirm
        /// 返回, 首页, paging: dark grey, white text.
        case navigation
        /// Leaving or refusing (退出登录, 取消): red, white text.
        case danger

        /// The button's style.
        public var style: TextStyle {
            switch self {
            case .choice: TextStyle(foreground: .white, background: .blue, bold: true)
            case .selected: TextStyle(foreground: .black, background: .yellow, bold: true)
            case .confirm: TextStyle(foreground: .white, background: .green, bold: true)
            case .navigation: TextStyle(foreground: .white, background: .slate, bold: true)
            case .danger: TextStyle(foreground: .white, background: .red, bold: true)
            }
        }
    }

    /// What the screen's state machine is told when it is tapped.
    public var id: String
    /// Its words, e.g. `社保业务`.
    public var label: String
    /// A second line, e.g. `等候 12 人 · 约 20 分钟`; dropped when the button is too small.
    public var detail: String?
    /// The keypad key that presses it, shown before the label (`1 社保业务`).
    public var key: Character?
    /// Its colour role.
    public var role: Role
    /// Whether it can be pressed now; a disabled button is drawn grey and ignores taps.
    public var isEnabled: Bool

    /// Creates a button.
    public init(
        id: String, label: String, detail: String? = nil, key: Character? = nil, role: Role = .choice, isEnabled: Bool = true
    ) {
        self.id = id
        self.label = label
        self.detail = detail
        self.key = key
        self.role = role
        self.isEnabled = isEnabled
    }

    /// The label as drawn: with its key in front, unless the label is the key itself (a keypad's digits).
    var caption: String {
        guard let key, String(key) != label else { return label }
        return "\(key)  \(label)"
    }
}
