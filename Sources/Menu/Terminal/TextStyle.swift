// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// How a cell is drawn: colours from xterm's 256-colour palette, and weight.
///
/// The palette's named colours are chosen for contrast of at least 4.5:1 between a button's text and its
/// background (MIIT 适老化 1.3), checked in the tests from the palette's RGB values.
public struct TextStyle: Sendable, Hashable {
    /// A colour of xterm's 256-colour palette.
    public struct Color: Sendable, Hashable {
        /// The palette index, 0–255.
        public let index: UInt8

        /// A palette colour.
        public init(_ index: UInt8) { self.index = index }

        /// The screen's background, near black (#1c1c1c).
        public static let screen = Color(234)
        /// Body text, white (#ffffff).
        public static let white = Color(231)
        /// Black text (#000000), on light buttons.
        public static let black = Color(16)
        /// Secondary text, light grey (#bcbcbc).
        public static let grey = Color(250)
        /// The main buttons, dark blue (#005faf).
        public static let blue = Color(25)
        /// Confirming buttons, dark green (#005f00).
        public static let green = Color(22)
        /// Navigation buttons (返回, 首页), dark grey (#444444).
        public static let slate = Color(238)
        /// Warnings and the selected state, yellow (#ffd700), with black text.
        public static let yellow = Color(220)
        /// Orange (#ff8700), with black text.
        public static let orange = Color(208)
        /// Faults and refusals, dark red (#af0000).
        public static let red = Color(124)
        /// Light green (#87d787), with black text.
        public static let lightGreen = Color(114)

        /// The colour's red, green and blue, 0–255, as xterm defines its palette.
        public var rgb: (red: Int, green: Int, blue: Int) {
            let index = Int(self.index)
            switch index {
            case 0..<16:
                let basic = [
                    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
                    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
                    (255, 0, 255), (0, 255, 255), (255, 255, 255),
                ]
                return basic[index]
            case 16..<232:
                let levels = [0, 95, 135, 175, 215, 255]
                let cube = index - 16
                return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
            default:
                let level = 8 + (index - 232) * 10
                return (level, level, level)
            }
        }

        /// The WCAG contrast ratio between this colour and another (1 to 21).
        public func contrast(with other: Color) -> Double {
            let (a, b) = (luminance, other.luminance)
            return (max(a, b) + 0.05) / (min(a, b) + 0.05)
        }

        private var luminance: Double {
            func channel(_ value: Int) -> Double {
                let c = Double(value) / 255
                return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            let (r, g, b) = rgb
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
        }
    }

    /// The text's colour.
    public var foreground: Color
    /// The cell's background.
    public var background: Color
    /// Bold text.
    public var bold: Bool

    /// Creates a style.
    public init(foreground: Color = .white, background: Color = .screen, bold: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
    }

    /// Plain text on the screen's background.
    public static let plain = TextStyle()

    /// The SGR sequence that selects this style from any other.
    var escapeSequence: String {
        "\u{1B}[0;\(bold ? "1;" : "")38;5;\(foreground.index);48;5;\(background.index)m"
    }
}
