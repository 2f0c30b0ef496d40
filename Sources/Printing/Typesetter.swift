// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Turns a ``PrintLayout``'s blocks into lines that fit a ``PrinterProfile``'s paper.
///
/// Sizes step down before anything breaks: a block takes the largest magnification (up to the one asked
/// for and the printer's limit) at which its longest word fits on a line; a one-line text (a ticket
/// number) the largest at which the whole text fits. Only a word too wide at normal size is broken between
/// characters. Nothing is dropped except spaces at line breaks.
struct Typesetter {
    /// The printer the lines must fit.
    let profile: PrinterProfile

    /// The lines of a layout, top to bottom.
    func lines(for layout: PrintLayout) -> [TypesetLine] {
        layout.blocks.flatMap { block -> [TypesetLine] in
            switch block {
            case .text(let text, let style): textLines(text, style: style).map(TypesetLine.text)
            case .keyValue(let key, let value, let style):
                keyValueLines(key: key, value: value, style: style).map(TypesetLine.text)
            case .listItem(let marker, let text, let style):
                listItemLines(marker: marker, text: text, style: style).map(TypesetLine.text)
            case .rule: [.rule]
            case .qrCode(let payload): [.qrCode(payload)]
            case .signatureLine(let label): signatureLines(label: label).map(TypesetLine.text)
            case .feed(let lines): lines > 0 ? [.feed(lines: lines)] : []
            case .cut: [.cut]
            }
        }
    }

    /// A text block's lines.
    func textLines(_ text: String, style: TextStyle) -> [TextLine] {
        let paragraphs = Self.paragraphs(of: text)
        let widest =
            style.keepsOnOneLine
            ? paragraphs.map(\.printColumns).max() ?? 0
            : paragraphs.map(Self.longestUnbreakableColumns).max() ?? 0
        let make = LineMaker(style: style, widest: widest, profile: profile)
        return paragraphs.flatMap { paragraph in
            style.alignment == .center
                ? Self.balancedWrap(paragraph, capacity: make.capacity) : Self.wrap(paragraph, capacity: make.capacity)
        }.map { make($0) }
    }

    /// A key–value row's lines: one justified line, or the value in a hanging indent after the key, or
    /// (when a word of the value is too wide for the indent) the value below the key: right-aligned when
    /// it takes one line, left-aligned when it takes more.
    func keyValueLines(key: String, value: String, style: TextStyle) -> [TextLine] {
        let key = Self.paragraphs(of: key).joined(separator: " ")
        let values = Self.paragraphs(of: value)
        let widest = max(key.printColumns + 1, values.map(Self.longestUnbreakableColumns).max() ?? 0)
        let make = LineMaker(style: style, widest: widest, profile: profile)
        let gap = make.capacity - key.printColumns - (values.first?.printColumns ?? 0)
        if values.count == 1, gap >= 1 {
            return [make(key + String(repeating: " ", count: gap) + values[0], .left)]
        }
        if let hanging = hangingLines(after: key, values: values, make: make) { return hanging }
        let valueLines = values.flatMap { Self.wrap($0, capacity: make.capacity) }
        let valueAlignment: TextStyle.Alignment = valueLines.count == 1 ? .right : .left
        return Self.wrap(key, capacity: make.capacity).map { make($0, .left) }
            + valueLines.map { make($0, valueAlignment) }
    }

    /// A list item's lines: the marker, then the text in a hanging indent (or run on after the marker when
    /// the indent would take more than half the line).
    func listItemLines(marker: String, text: String, style: TextStyle) -> [TextLine] {
        let marker = Self.paragraphs(of: marker).joined(separator: " ")
        let paragraphs = Self.paragraphs(of: text)
        let widest = max(marker.printColumns + 1, paragraphs.map(Self.longestUnbreakableColumns).max() ?? 0)
        let make = LineMaker(style: style, widest: widest, profile: profile)
        return hangingLines(after: marker, values: paragraphs, make: make)
            ?? Self.wrap(marker + " " + paragraphs.joined(separator: " "), capacity: make.capacity).map { make($0) }
    }

    /// A signature line: the label, then underscores to the right edge (on a line of their own when the
    /// label leaves too little room).
    func signatureLines(label: String) -> [TextLine] {
        let make = LineMaker(style: .body, widest: 0, profile: profile)
        let labelLines = Self.wrap(Self.paragraphs(of: label).joined(separator: " "), capacity: make.capacity)
        let last = labelLines[labelLines.count - 1]
        if make.capacity - last.printColumns >= min(12, make.capacity) {
            let blank = String(repeating: "_", count: make.capacity - last.printColumns)
            return labelLines.dropLast().map { make($0) } + [make(last + blank)]
        }
        return labelLines.map { make($0) } + [make(String(repeating: "_", count: make.capacity))]
    }

    /// The values wrapped in a hanging indent after `lead` and a space, or `nil` when the indent would take
    /// more than half the line or leave a word no room.
    private func hangingLines(after lead: String, values: [String], make: LineMaker) -> [TextLine]? {
        let indent = lead.printColumns + 1
        let capacity = make.capacity - indent
        guard indent <= make.capacity / 2, values.allSatisfy({ Self.longestUnbreakableColumns($0) <= capacity })
        else { return nil }
        return values.flatMap { Self.wrap($0, capacity: capacity) }.enumerated().map { index, text in
            make((index == 0 ? lead + " " : String(repeating: " ", count: indent)) + text, .left)
        }
    }

    /// The text split at `\n`, with every other control character made a space.
    static func paragraphs(of text: String) -> [String] {
        let cleaned = String(
            text.map { character -> Character in
                let isControl = character.unicodeScalars.contains { $0.properties.generalCategory == .control }
                return character == "\n" || !isControl ? character : " "
            }
        )
        return cleaned.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Makes the lines of one block: its style at the largest magnification that fits its widest piece.
private struct LineMaker {
    let style: TextStyle
    let magnification: Int
    /// Columns per line at that magnification.
    let capacity: Int

    init(style: TextStyle, widest: Int, profile: PrinterProfile) {
        var magnification = min(style.magnification, profile.maximumMagnification)
        while magnification > 1, widest * magnification > profile.fontAColumns { magnification -= 1 }
        self.style = style
        self.magnification = max(magnification, 1)
        self.capacity = profile.fontAColumns / self.magnification
    }

    func callAsFunction(_ text: String, _ alignment: TextStyle.Alignment? = nil) -> TextLine {
        TextLine(
            text: text, magnification: magnification, alignment: alignment ?? style.alignment, isBold: style.isBold
        )
    }
}
