// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Lays a ``ScreenContent`` out for a terminal size: title bar, wrapped body text, the main buttons in a grid,
/// the navigation row at the bottom. Every button is at least ``minimumButtonHeight`` rows and
/// ``minimumButtonWidth`` columns (more in elderly mode); nothing is drawn past the edge. What does not fit is
/// reported in ``Frame/overflow``, so tests catch a screen that asks for too much.
public enum ScreenLayout {
    /// The fewest rows of a button.
    public static let minimumButtonHeight = 3
    /// The fewest columns of a button.
    public static let minimumButtonWidth = 12
    /// The most main buttons a page shows: six normally, four in elderly mode.
    public static func pageSize(elderly: Bool) -> Int { elderly ? 4 : 6 }

    /// A laid-out screen.
    public struct Frame: Sendable {
        /// What the terminal shows.
        public var canvas: Canvas
        /// Where each enabled button is.
        public var targets: [(rect: Rect, id: String)]
        /// Each button's key.
        public var keys: [Character: String]
        /// What did not fit (a button, a line, a label), empty when all did.
        public var overflow: [String]

        /// The enabled button at a cell, if any.
        public func target(column: Int, row: Int) -> String? {
            targets.first { $0.rect.contains(column: column, row: row) }?.id
        }
    }

    /// Lays a screen out.
    /// - Parameters:
    ///   - content: The screen.
    ///   - size: The terminal's size.
    ///   - elderly: Elderly mode: taller title and buttons, wider gaps, at most two columns.
    /// - Returns: The frame.
    public static func frame(for content: ScreenContent, size: TerminalSize, elderly: Bool = false) -> Frame {
        var canvas = Canvas(size: size)
        var frame = Frame(canvas: canvas, targets: [], keys: [:], overflow: [])
        let margin = size.columns >= 60 ? 2 : 1
        let inner = Rect(column: margin, row: 0, width: max(size.columns - 2 * margin, 0), height: size.rows)
        let big = elderly || size.rows >= 40

        // Title bar.
        let titleHeight = big ? 3 : 1
        let titleBar = Rect(column: 0, row: 0, width: size.columns, height: titleHeight)
        let titleStyle = TextStyle(foreground: .white, background: .slate, bold: true)
        canvas.fill(titleBar, style: titleStyle)
        if content.title.terminalWidth > inner.width { frame.overflow.append("title: \(content.title)") }
        canvas.writeCentered(content.title, in: titleBar, row: titleHeight / 2, style: titleStyle)

        // Navigation row at the bottom.
        let navigationHeight = big ? 5 : minimumButtonHeight
        let navigationTop = size.rows - navigationHeight
        var row = titleHeight + 1
        if !content.navigation.isEmpty {
            place(
                content.navigation, in: Rect(column: inner.column, row: navigationTop, width: inner.width, height: navigationHeight),
                columns: content.navigation.count, height: navigationHeight, gap: (1, 2), on: &canvas, frame: &frame)
        }
        let bodyBottom = content.navigation.isEmpty ? size.rows : navigationTop - 1

        // Body text.
        for line in content.lines {
            for text in line.text.wrapped(toColumns: inner.width) {
                guard row < bodyBottom else {
                    frame.overflow.append("line: \(text)")
                    continue
                }
                let style = Self.style(of: line.emphasis)
                if line.emphasis == .problem || line.emphasis == .success {
                    canvas.fill(Rect(column: inner.column, row: row, width: inner.width, height: 1), style: style)
                    canvas.write(" " + text, column: inner.column, row: row, style: style, clip: inner)
                } else {
                    canvas.write(text, column: inner.column, row: row, style: style, clip: inner)
                }
                row += 1
            }
        }
        if let field = content.field {
            row += content.lines.isEmpty ? 0 : 1
            let fieldHeight = big ? 3 : 1
            if row + fieldHeight > bodyBottom {
                frame.overflow.append("field: \(field.caption)")
            } else {
                let captionWidth = canvas.write(field.caption + "  ", column: inner.column, row: row + fieldHeight / 2, style: .plain, clip: inner)
                let box = Rect(column: inner.column + captionWidth, row: row, width: min(30, inner.width - captionWidth), height: fieldHeight)
                let boxStyle = TextStyle(foreground: .black, background: .white, bold: true)
                canvas.fill(box, style: boxStyle)
                canvas.write(" " + field.value, column: box.column, row: box.row + fieldHeight / 2, style: boxStyle, clip: box)
                row += fieldHeight
            }
        }

        // The main buttons fill what is left.
        if !content.buttons.isEmpty {
            let area = Rect(column: inner.column, row: row + 1, width: inner.width, height: max(bodyBottom - row - 1, 0))
            let widest = elderly ? 2 : (inner.width >= 110 ? 3 : 2)
            let columns = content.columns ?? min(content.buttons.count, content.buttons.count <= 2 && elderly ? 1 : widest)
            let rows = (content.buttons.count + columns - 1) / columns
            let gap = elderly ? (1, 4) : (1, 2)
            let tallest = elderly ? 7 : 5
            let height = min(tallest, (area.height - (rows - 1) * gap.0) / max(rows, 1))
            place(content.buttons, in: area, columns: columns, height: height, gap: gap, on: &canvas, frame: &frame)
        }
        frame.canvas = canvas
        return frame
    }

    /// Draws buttons in a grid of `columns` inside `area`, each `height` rows, and records their targets.
    private static func place(
        _ buttons: [Button], in area: Rect, columns: Int, height: Int, gap: (rows: Int, columns: Int), on canvas: inout Canvas,
        frame: inout Frame
    ) {
        let width = (area.width - (columns - 1) * gap.columns) / max(columns, 1)
        for (index, button) in buttons.enumerated() {
            let rect = Rect(
                column: area.column + (index % columns) * (width + gap.columns),
                row: area.row + (index / columns) * (height + gap.rows), width: width, height: height)
            guard height >= minimumButtonHeight, width >= minimumButtonWidth, rect.isInside(area) else {
                frame.overflow.append("button: \(button.label)")
                continue
            }
            draw(button, in: rect, on: &canvas, frame: &frame)
        }
    }

    private static func draw(_ button: Button, in rect: Rect, on canvas: inout Canvas, frame: inout Frame) {
        let style = button.isEnabled ? button.role.style : TextStyle(foreground: .grey, background: .slate)
        canvas.fill(rect, style: style)
        // Long labels and details wrap onto the rows the button has to spare; only then are they cut.
        let inside = Rect(column: rect.column + 1, row: rect.row, width: rect.width - 2, height: rect.height)
        var captionLines = button.caption.wrapped(toColumns: inside.width)
        if captionLines.count > rect.height {
            frame.overflow.append("label: \(button.label)")
            captionLines = Array(captionLines.prefix(rect.height))
        }
        var detailLines = button.detail?.wrapped(toColumns: inside.width) ?? []
        if captionLines.count + detailLines.count > rect.height, let detail = button.detail {
            frame.overflow.append("detail: \(detail)")
            detailLines = Array(detailLines.prefix(rect.height - captionLines.count))
        }
        let firstRow = rect.row + (rect.height - captionLines.count - detailLines.count) / 2
        var detailStyle = style
        detailStyle.bold = false
        for (offset, line) in (captionLines + detailLines).enumerated() {
            canvas.writeCentered(line, in: inside, row: firstRow + offset, style: offset < captionLines.count ? style : detailStyle)
        }
        guard button.isEnabled else { return }
        frame.targets.append((rect, button.id))
        if let key = button.key { frame.keys[key] = button.id }
    }

    private static func style(of emphasis: ScreenContent.Line.Emphasis) -> TextStyle {
        switch emphasis {
        case .normal: TextStyle(foreground: .white, background: .screen)
        case .headline: TextStyle(foreground: .yellow, background: .screen, bold: true)
        case .quiet: TextStyle(foreground: .grey, background: .screen)
        case .problem: TextStyle(foreground: .white, background: .red, bold: true)
        case .success: TextStyle(foreground: .black, background: .lightGreen, bold: true)
        }
    }
}
