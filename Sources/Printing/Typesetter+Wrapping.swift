// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension Typesetter {
    /// A piece of a paragraph that wraps as a whole: a run of spaces, an ASCII word, or one wide character.
    private struct Piece {
        var text: String
        var isSpace: Bool
        var columns: Int { text.printColumns }
    }

    /// The paragraph's pieces: ASCII words stay whole, wide (Chinese) characters stand alone.
    private static func pieces(of paragraph: String) -> [Piece] {
        var pieces: [Piece] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { pieces.append(Piece(text: word, isSpace: false)) }
            word = ""
        }
        for character in paragraph {
            if character == " " {
                endWord()
                pieces.append(Piece(text: " ", isSpace: true))
            } else if character.isASCII {
                word.append(character)
            } else {
                endWord()
                pieces.append(Piece(text: String(character), isSpace: false))
            }
        }
        endWord()
        return pieces
    }

    /// The widest piece that cannot be broken, in columns at normal size.
    static func longestUnbreakableColumns(_ paragraph: String) -> Int {
        pieces(of: paragraph).filter { !$0.isSpace }.map(\.columns).max() ?? 0
    }

    /// Greedy line breaking at `capacity` columns: between words and between wide characters, never
    /// before closing punctuation, after opening punctuation, or between a number and the wide character
    /// right after it (`2份`) when the line keeps something else, and between any
    /// two characters of a word wider than a line. Spaces at breaks are dropped; nothing else is.
    /// - Returns: At least one line (an empty paragraph is one empty line).
    static func wrap(_ paragraph: String, capacity: Int) -> [String] {
        let capacity = max(capacity, 2)
        var lines: [String] = []
        var line: [Piece] = []
        var lineColumns: Int { line.reduce(0) { $0 + $1.columns } }
        func endLine() {
            while line.last?.isSpace == true { line.removeLast() }
            lines.append(line.map(\.text).joined())
            line = []
        }
        for piece in pieces(of: paragraph) {
            if piece.isSpace {
                if !line.isEmpty { line.append(piece) }
                continue
            }
            if lineColumns + piece.columns <= capacity {
                line.append(piece)
                continue
            }
            let glued =
                line.last.map { !$0.isSpace && $0.text.last?.isWholeNumber == true } == true
                && piece.text.first?.isASCII == false
            while line.last?.isSpace == true { line.removeLast() }
            var carried: [Piece] = []
            let startsBadly = piece.text.first?.forbidsBreakBefore == true || glued
            if line.count > 1, startsBadly || line.last?.text.last?.forbidsBreakAfter == true {
                carried.append(line.removeLast())
            }
            if !line.isEmpty { endLine() }
            line = carried
            if piece.columns <= capacity - lineColumns {
                line.append(piece)
            } else if piece.columns <= capacity {
                if !line.isEmpty { endLine() }
                line = [piece]
            } else {
                for character in piece.text {
                    if lineColumns + character.printColumns > capacity { endLine() }
                    line.append(Piece(text: String(character), isSpace: false))
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { endLine() }
        return lines
    }

    /// Wrapping for centred text: as many lines as ``wrap(_:capacity:)`` makes, but as even as possible
    /// (`玄武区政务` / `服务中心` rather than `玄武区政务服务中` / `心`).
    static func balancedWrap(_ paragraph: String, capacity: Int) -> [String] {
        var lines = wrap(paragraph, capacity: capacity)
        guard lines.count > 1 else { return lines }
        var narrower = capacity - 1
        while narrower >= longestUnbreakableColumns(paragraph) {
            let candidate = wrap(paragraph, capacity: narrower)
            guard candidate.count == lines.count else { break }
            lines = candidate
            narrower -= 1
        }
        return lines
    }
}
