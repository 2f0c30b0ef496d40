// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Turns the bytes a terminal sends into ``InputEvent``s: SGR mouse reports (`ESC [ < b ; x ; y M|m`), arrow
/// keys, Enter, Backspace and UTF-8 characters. A sequence split across reads is kept until it completes;
/// anything it does not know (wheel, motion, function keys) is dropped whole, never half-read as characters.
public struct InputParser: Sendable {
    private var pending: [UInt8] = []

    /// A parser with nothing pending.
    public init() {}

    /// Parses newly read bytes.
    /// - Parameter bytes: What the terminal sent.
    /// - Returns: The complete events, in order.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [InputEvent] where Bytes.Element == UInt8 {
        pending.append(contentsOf: bytes)
        var events: [InputEvent] = []
        var index = 0
        parsing: while index < pending.count {
            let byte = pending[index]
            switch byte {
            case 0x1B:
                switch escapeSequence(at: index) {
                case .incomplete: break parsing
                case .complete(let event, let length):
                    if let event { events.append(event) }
                    index += length
                }
            case 0x0D, 0x0A:
                events.append(.enter)
                index += 1
            case 0x7F, 0x08:
                events.append(.backspace)
                index += 1
            case 0x00..<0x20:
                index += 1
            default:
                let length = Self.utf8Length(leading: byte)
                guard index + length <= pending.count else { break parsing }
                if let text = String(validating: pending[index..<index + length], as: UTF8.self), let character = text.first {
                    events.append(.character(character))
                }
                index += length
            }
        }
        pending.removeFirst(index)
        return events
    }

    /// Whether bytes of an unfinished sequence wait for more (a lone ESC is flushed by ``flushEscape()``).
    public var hasPending: Bool { !pending.isEmpty }

    /// Reports a lone ESC that no more bytes followed within the caller's short wait as the Escape key.
    /// - Returns: `.escape` when exactly a lone ESC was pending.
    public mutating func flushEscape() -> InputEvent? {
        guard pending == [0x1B] else { return nil }
        pending.removeAll()
        return .escape
    }

    private enum Outcome {
        case incomplete
        case complete(InputEvent?, length: Int)
    }

    private func escapeSequence(at start: Int) -> Outcome {
        guard start + 1 < pending.count else { return .incomplete }
        let introducer = pending[start + 1]
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
            return .complete(.escape, length: 1)
        }
        // CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, then one final byte 0x40–0x7E.
        var end = start + 2
        while end < pending.count, (0x20...0x3F).contains(pending[end]) { end += 1 }
        guard end < pending.count else { return pending.count - start > 32 ? .complete(nil, length: pending.count - start) : .incomplete }
        let final = pending[end]
        let length = end - start + 1
        guard (0x40...0x7E).contains(final) else { return .complete(nil, length: length) }
        let parameters = String(decoding: pending[start + 2..<end], as: UTF8.self)
        if introducer == UInt8(ascii: "["), parameters.hasPrefix("<"), final == UInt8(ascii: "M") || final == UInt8(ascii: "m") {
            return .complete(Self.mouse(parameters.dropFirst(), pressed: final == UInt8(ascii: "M")), length: length)
        }
        switch final {
        case UInt8(ascii: "A"): return .complete(.arrow(.up), length: length)
        case UInt8(ascii: "B"): return .complete(.arrow(.down), length: length)
        case UInt8(ascii: "C"): return .complete(.arrow(.right), length: length)
        case UInt8(ascii: "D"): return .complete(.arrow(.left), length: length)
        case UInt8(ascii: "M") where introducer == UInt8(ascii: "O"): return .complete(.enter, length: length)
        case UInt8(ascii: "~") where parameters == "3": return .complete(.backspace, length: length)
        default: return .complete(nil, length: length)
        }
    }

    /// An SGR report `b;x;y`: button 0 (left, a tap) without motion or wheel bits; 1-based to 0-based.
    private static func mouse(_ parameters: Substring, pressed: Bool) -> InputEvent? {
        let numbers = parameters.split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, numbers[0] & ~0b11100 == 0, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
        let (column, row) = (numbers[1] - 1, numbers[2] - 1)
        return pressed ? .press(column: column, row: row) : .release(column: column, row: row)
    }

    private static func utf8Length(leading byte: UInt8) -> Int {
        switch byte {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}
