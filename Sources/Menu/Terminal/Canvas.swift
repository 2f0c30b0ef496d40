// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// One frame of the screen: a grid of styled cells that drawing never leaves, rendered as escape sequences.
///
/// A wide (CJK) character takes its cell and the next, which holds a continuation; one that would cross the
/// right edge or a clip rectangle is not drawn at all. Rendering compares with the previous frame and rewrites
/// only the rows that changed.
public struct Canvas: Sendable, Equatable {
    /// One cell.
    struct Cell: Sendable, Equatable {
        /// The character, `nil` for the right half of a wide character.
        var character: Character?
        var style: TextStyle
    }

    /// The canvas's size.
    public let size: TerminalSize
    private var cells: [Cell]

    /// A blank canvas of the screen's background.
    public init(size: TerminalSize, style: TextStyle = .plain) {
        self.size = TerminalSize(columns: max(size.columns, 0), rows: max(size.rows, 0))
        cells = Array(repeating: Cell(character: " ", style: style), count: self.size.columns * self.size.rows)
    }

    /// Fills a rectangle (clipped to the canvas) with spaces of a style: how buttons are drawn.
    public mutating func fill(_ rect: Rect, style: TextStyle) {
        let clipped = clip(rect)
        for row in clipped.row..<clipped.row + clipped.height {
            for column in clipped.column..<clipped.column + clipped.width {
                put(Cell(character: " ", style: style), column: column, row: row)
            }
        }
    }

    /// Gives a rectangle's cells (clipped to the canvas) another style, keeping their characters: how a
    /// button shows that a finger is on it.
    public mutating func restyle(_ rect: Rect, style: TextStyle) {
        let clipped = clip(rect)
        for row in clipped.row..<clipped.row + clipped.height {
            for column in clipped.column..<clipped.column + clipped.width {
                cells[row * size.columns + column].style = style
            }
        }
    }

    /// Writes text on one row from a column, clipped to `clip` (and the canvas).
    /// - Parameters:
    ///   - text: The text; control characters are skipped.
    ///   - column: The first column, 0-based.
    ///   - row: The row, 0-based.
    ///   - style: The style.
    ///   - clip: The rectangle the text must stay in; the canvas when `nil`.
    /// - Returns: The columns written.
    @discardableResult
    public mutating func write(_ text: String, column: Int, row: Int, style: TextStyle, clip: Rect? = nil) -> Int {
        let area = self.clip(clip ?? size.bounds)
        guard area.contains(column: max(column, area.column), row: row) else { return 0 }
        var x = column
        for character in text {
            let width = character.terminalWidth
            guard width > 0 else { continue }
            guard x + width <= area.column + area.width else { break }
            if x >= area.column {
                put(Cell(character: character, style: style), column: x, row: row)
                if width == 2 { put(Cell(character: nil, style: style), column: x + 1, row: row) }
            }
            x += width
        }
        return x - column
    }

    /// Writes text centred in a rectangle's row, clipped to the rectangle.
    public mutating func writeCentered(_ text: String, in rect: Rect, row: Int, style: TextStyle) {
        let shown = text.prefix(fittingColumns: rect.width)
        write(shown, column: rect.column + (rect.width - shown.terminalWidth) / 2, row: row, style: style, clip: rect)
    }

    /// The text of each row, as a person reads it (wide characters once, trailing spaces kept).
    public var lines: [String] {
        (0..<size.rows).map { row in
            String(cells[row * size.columns..<(row + 1) * size.columns].compactMap(\.character))
        }
    }

    /// The style of the cell at `column`, `row`.
    public func style(column: Int, row: Int) -> TextStyle { cells[row * size.columns + column].style }

    /// The escape sequences that turn the terminal showing `previous` into this frame (all rows when the
    /// size changed or there is no previous frame). The cursor stays hidden.
    public func rendered(since previous: Canvas?) -> String {
        var output = previous?.size == size ? "" : "\u{1B}[0m\u{1B}[2J"
        var current: TextStyle?
        for row in 0..<size.rows {
            let range = row * size.columns..<(row + 1) * size.columns
            if let previous, previous.size == size, previous.cells[range] == cells[range] { continue }
            output += "\u{1B}[\(row + 1);1H"
            for cell in cells[range] {
                guard let character = cell.character else { continue }
                if cell.style != current {
                    output += cell.style.escapeSequence
                    current = cell.style
                }
                output.append(character)
            }
        }
        return output + "\u{1B}[0m"
    }

    private func clip(_ rect: Rect) -> Rect {
        let left = max(rect.column, 0)
        let top = max(rect.row, 0)
        let right = min(rect.column + rect.width, size.columns)
        let bottom = min(rect.row + rect.height, size.rows)
        return Rect(column: left, row: top, width: max(right - left, 0), height: max(bottom - top, 0))
    }

    /// Puts a cell, repairing a wide character it half covers (its other half becomes a space).
    private mutating func put(_ cell: Cell, column: Int, row: Int) {
        let index = row * size.columns + column
        if cells[index].character == nil, column > 0, cells[index - 1].character?.terminalWidth == 2 {
            cells[index - 1].character = " "
        }
        if cells[index].character?.terminalWidth == 2, column + 1 < size.columns, cells[index + 1].character == nil,
            cell.character?.terminalWidth != 2
        {
            cells[index + 1].character = " "
        }
        cells[index] = cell
    }
}
