// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension Unicode.Scalar {
    /// The columns a terminal gives this scalar: 2 for East Asian Wide and Fullwidth characters (Han, kana,
    /// Hangul, full-width forms, CJK punctuation), 0 for combining marks, zero-width and control characters,
    /// 1 otherwise. Ambiguous-width characters (box drawing, `·`, `→`, `①`) count 1, as in a Latin locale —
    /// the menu does not use them, because terminals disagree on them.
    public var terminalWidth: Int {
        let value = self.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if Self.zeroWidth.contains(where: { $0.contains(value) }) { return 0 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return Self.wide.contains(where: { $0.contains(value) }) ? 2 : 1
    }

    /// Zero-width ranges beside the combining marks: zero-width space and joiners, variation selectors.
    private static let zeroWidth: [ClosedRange<UInt32>] = [0x200B...0x200F, 0xFE00...0xFE0F, 0xE0100...0xE01EF]

    /// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt that a kiosk can meet.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E,
        0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension Character {
    /// The columns a terminal gives this character: its first scalar's width (a base character with
    /// combining marks takes the base's columns).
    public var terminalWidth: Int { unicodeScalars.first?.terminalWidth ?? 0 }
}

extension StringProtocol {
    /// The columns the text takes in a terminal (CJK characters count two).
    public var terminalWidth: Int { reduce(0) { $0 + $1.terminalWidth } }

    /// The longest prefix that fits in `width` columns, never splitting a wide character.
    /// - Parameter width: The columns available.
    /// - Returns: The prefix, as a string.
    public func prefix(fittingColumns width: Int) -> String {
        var used = 0
        var result = ""
        for character in self {
            let columns = character.terminalWidth
            guard used + columns <= width else { break }
            used += columns
            result.append(character)
        }
        return result
    }

    /// The text broken into lines of at most `width` columns: at spaces where there are any, between any two
    /// CJK characters otherwise (Chinese has no spaces), never inside a word that fits on a line.
    /// - Parameter width: The columns of a line (at least 2).
    /// - Returns: The lines, without trailing spaces; one empty line for empty text.
    public func wrapped(toColumns width: Int) -> [String] {
        let width = Swift.max(width, 2)
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var word = ""
            var wordWidth = 0
            func flushWord() {
                if lineWidth + wordWidth > width, !line.isEmpty {
                    lines.append(String(line.reversed().drop(while: { $0 == " " }).reversed()))
                    line = ""
                    lineWidth = 0
                    if word.first == " " {
                        word.removeFirst()
                        wordWidth -= 1
                    }
                }
                while wordWidth > width {
                    let head = word.prefix(fittingColumns: width)
                    lines.append(head)
                    word.removeFirst(head.count)
                    wordWidth -= head.terminalWidth
                }
                line += word
                lineWidth += wordWidth
                word = ""
                wordWidth = 0
            }
            for character in paragraph {
                if character == " " || character.terminalWidth == 2 { flushWord() }
                word.append(character)
                wordWidth += character.terminalWidth
                if character.terminalWidth == 2 { flushWord() }
            }
            flushWord()
            lines.append(String(line.reversed().drop(while: { $0 == " " }).reversed()))
        }
        return lines
    }
}
