// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Printing

extension ESCPOSInterpreter.Machine {
    /// `ESC @`, `ESC a`, `ESC E`, `ESC !`, `ESC d`, `ESC J`.
    mutating func escape(_ start: Int) throws(PrintTestingError) {
        let command = try parameters(1, command: start, commandLength: 1).first ?? 0
        switch command {
        case 0x40:
            try requireLineStart(start, "ESC @")
            settings = Settings()
            document.items.append(.initialize)
        case 0x61:
            let n = try parameters(1, command: start, commandLength: 2).first ?? 0
            guard let alignment = TextStyle.Alignment(rawValue: Int(n >= 48 ? n - 48 : n)) else {
                throw PrintTestingError(.malformedCommand, at: start, "ESC a \(n)")
            }
            // Epson: ESC a takes effect only at the start of a line.
            if !hasPendingText { settings.alignment = alignment }
        case 0x45:
            let n = try parameters(1, command: start, commandLength: 2).first ?? 0
            closeRun()
            settings.isBold = n & 1 == 1
        case 0x21:
            let n = try parameters(1, command: start, commandLength: 2).first ?? 0
            closeRun()
            settings.isBold = n & 0x08 != 0
            settings.heightMagnification = n & 0x10 != 0 ? 2 : 1
            settings.widthMagnification = n & 0x20 != 0 ? 2 : 1
        case 0x64:
            let n = try parameters(1, command: start, commandLength: 2).first ?? 0
            endLine(feedingWhenEmpty: false)
            if n > 0 { document.items.append(.feed(lines: Int(n))) }
        case 0x4A:
            let n = try parameters(1, command: start, commandLength: 2).first ?? 0
            endLine(feedingWhenEmpty: false)
            document.items.append(.feedDots(Int(n)))
        default:
            throw PrintTestingError(.unknownCommand, at: start, Self.hex(bytes[start...(start + 1)]))
        }
    }

    /// `FS &`, `FS .`, `FS !`.
    mutating func fileSeparator(_ start: Int) throws(PrintTestingError) {
        let command = try parameters(1, command: start, commandLength: 1).first ?? 0
        switch command {
        case 0x26:
            settings.isChineseMode = true
        case 0x2E:
            settings.isChineseMode = false
        case 0x21:
            _ = try parameters(1, command: start, commandLength: 2)
        default:
            throw PrintTestingError(.unknownCommand, at: start, Self.hex(bytes[start...(start + 1)]))
        }
    }

    /// `GS !`, `GS ( k`, `GS v 0`, `GS V`.
    mutating func groupSeparator(_ start: Int) throws(PrintTestingError) {
        let command = try parameters(1, command: start, commandLength: 1).first ?? 0
        switch command {
        case 0x21:
            let n = try parameters(1, command: start, commandLength: 2).first ?? 0
            guard n >> 4 < 8, n & 0x0F < 8 else { throw PrintTestingError(.malformedCommand, at: start, "GS ! \(n)") }
            closeRun()
            settings.widthMagnification = Int(n >> 4) + 1
            settings.heightMagnification = Int(n & 0x0F) + 1
        case 0x28:
            try twoDimensionalCode(start)
        case 0x76:
            try rasterImage(start)
        case 0x56:
            try cut(start)
        default:
            throw PrintTestingError(.unknownCommand, at: start, Self.hex(bytes[start...(start + 1)]))
        }
    }

    /// A GB18030 character in Chinese mode: two bytes, or four when the second is a digit.
    mutating func multiByteCharacter(_ start: Int) throws(PrintTestingError) {
        guard settings.isChineseMode else {
            throw PrintTestingError(
                .invalidCharacter, at: start, "byte \(Self.hex(bytes[start...start])) outside Chinese mode")
        }
        let lead = bytes[start]
        let second = start + 1 < bytes.count ? bytes[start + 1] : 0
        let length = (0x30...0x39).contains(second) ? 4 : 2
        guard (0x81...0xFE).contains(lead), start + length <= bytes.count else {
            throw PrintTestingError(.invalidCharacter, at: start, "not a GB18030 lead byte or cut short")
        }
        let sequence = Array(bytes[start..<(start + length)])
        guard let character = try? GB18030.decode(sequence), character.count == 1, let decoded = character.first else {
            throw PrintTestingError(.invalidCharacter, at: start, "invalid GB18030 \(Self.hex(sequence[...]))")
        }
        offset = start + length
        append(decoded, columns: 2, at: start)
    }

    /// `GS V m` (function A) or `GS V m n` (function B).
    mutating func cut(_ start: Int) throws(PrintTestingError) {
        try requireLineStart(start, "GS V")
        let m = try parameters(1, command: start, commandLength: 2).first ?? 0
        switch m {
        case 0, 48, 1, 49:
            document.items.append(.cut(PrintedCut(isPartial: m == 1 || m == 49, feedDots: nil, offset: start)))
        case 65, 66:
            let n = try parameters(1, command: start, commandLength: 3).first ?? 0
            document.items.append(.cut(PrintedCut(isPartial: m == 66, feedDots: Int(n), offset: start)))
        default:
            throw PrintTestingError(.malformedCommand, at: start, "GS V \(m)")
        }
    }
}
