// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What one screen shows, independent of the terminal's size: a title, a few lines of text, the main buttons
/// and the navigation row. ``ScreenLayout`` turns it into a frame for a size.
public struct ScreenContent: Sendable, Hashable {
    /// A line of body text.
    public struct Line: Sendable, Hashable {
        /// How a line stands out.
        public enum Emphasis: Sendable, Hashable {
            /// Plain text.
            case normal
            /// Large news: the ticket number, the people ahead. Bold, yellow.
            case headline
            /// Secondary words: light grey.
            case quiet
            /// What went wrong and what to do: white on red, never colour alone (it is said in words).
            case problem
            /// A good outcome: black on light green.
            case success
        }

        /// The words.
        public var text: String
        /// How it stands out.
        public var emphasis: Emphasis

        /// Creates a line.
        public init(_ text: String, _ emphasis: Emphasis = .normal) {
            self.text = text
            self.emphasis = emphasis
        }
    }

    /// The screen's title, e.g. `请选择业务`.
    public var title: String
    /// The body text, wrapped to the width.
    public var lines: [Line]
    /// The main buttons, laid out in a grid; screens page them to ``ScreenLayout/capacity(for:lineCount:elderly:)``.
    public var buttons: [Button]
    /// The bottom row: 返回, 首页, 上一页/下一页 … always visible.
    public var navigation: [Button]
    /// A text field shown under the body (a PIN as dots, a typed code), with its caption.
    public var field: (caption: String, value: String)?
    /// The buttons per row, for a keypad; `nil` lets the layout choose.
    public var columns: Int?

    /// Creates a screen.
    public init(
        title: String, lines: [Line] = [], buttons: [Button] = [], navigation: [Button] = [],
        field: (caption: String, value: String)? = nil, columns: Int? = nil
    ) {
        self.title = title
        self.lines = lines
        self.buttons = buttons
        self.navigation = navigation
        self.field = field
        self.columns = columns
    }

    public static func == (lhs: ScreenContent, rhs: ScreenContent) -> Bool {
        lhs.title == rhs.title && lhs.lines == rhs.lines && lhs.buttons == rhs.buttons && lhs.navigation == rhs.navigation
            && lhs.field?.caption == rhs.field?.caption && lhs.field?.value == rhs.field?.value && lhs.columns == rhs.columns
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(lines)
        hasher.combine(buttons)
        hasher.combine(navigation)
        hasher.combine(field?.caption)
        hasher.combine(field?.value)
        hasher.combine(columns)
    }
}
