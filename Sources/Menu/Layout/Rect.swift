// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A rectangle of terminal cells: 0-based column and row of its top-left cell, and its size in cells.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    /// The left column, 0-based.
    public var column: Int
    /// The top row, 0-based.
    public var row: Int
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a rectangle.
    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = width
        self.height = height
    }

    /// Whether the cell at `column`, `row` (0-based) lies inside.
    public func contains(column: Int, row: Int) -> Bool {
        (self.column..<self.column + width).contains(column) && (self.row..<self.row + height).contains(row)
    }

    /// Whether it lies wholly inside `other`.
    public func isInside(_ other: Rect) -> Bool {
        column >= other.column && row >= other.row && column + width <= other.column + other.width
            && row + height <= other.row + other.height
    }

    /// Whether it shares a cell with `other`.
    public func overlaps(_ other: Rect) -> Bool {
        column < other.column + other.width && other.column < column + width && row < other.row + other.height
            && other.row < row + height
    }

    /// `col,row widthxheight`, for test messages.
    public var description: String { "\(column),\(row) \(width)x\(height)" }
}

/// A terminal's size in cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    /// Columns.
    public var columns: Int
    /// Rows.
    public var rows: Int

    /// Creates a size.
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(column: 0, row: 0, width: columns, height: rows) }

    /// `80x24`.
    public var description: String { "\(columns)x\(rows)" }
}
