// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Printing

/// Decodes the ESC/POS subset kioskd emits into a ``PrintedDocument``, as a printer would print it.
///
/// Understood: `ESC @`, `ESC a`, `ESC E`, `ESC !`, `ESC d`, `ESC J`, `GS !`, `FS &`, `FS .`, `FS !`
/// (accepted; Chinese double size is not modelled), `GS ( k` (QR code, `cn` = 49: model, size, error
/// correction, store, print), `GS v 0`, `GS V`, `LF`, printable ASCII, and GB18030 two- and four-byte
/// characters in Chinese mode. Stricter than a printer:
/// any other byte, a parameter out of range, a command cut short, a byte of 0x80 or more outside
/// Chinese mode, an image or cut in the middle of a line, and text left without `LF` at the end are
/// errors naming the byte offset.
public struct ESCPOSInterpreter: Sendable {
    /// Creates an interpreter.
    public init() {}

    /// Decodes printed bytes.
    /// - Parameter bytes: The bytes sent to the printer.
    /// - Returns: What the printer prints.
    /// - Throws: ``PrintTestingError`` naming the offending byte's offset.
    public func interpret(_ bytes: [UInt8]) throws(PrintTestingError) -> PrintedDocument {
        var machine = Machine(bytes: bytes)
        try machine.run()
        return machine.document
    }
}

extension ESCPOSInterpreter {
    /// The printer's state while reading a stream.
    struct Machine {
        let bytes: [UInt8]
        var offset = 0
        var document = PrintedDocument()

        /// Everything `ESC @` resets, at its power-on value.
        struct Settings {
            var alignment = TextStyle.Alignment.left
            var isBold = false
            var widthMagnification = 1
            var heightMagnification = 1
            var isChineseMode = false
            var qrModel = 2
            var qrModuleSize = 3
            var qrErrorCorrection: Character = "L"
            var qrData: [UInt8]?
        }

        var settings = Settings()

        /// The line being filled: its alignment and start, finished runs, and the run being filled.
        var lineAlignment = TextStyle.Alignment.left
        var lineOffset = 0
        var runs: [PrintedLine.Run] = []
        var runText = ""
        var runColumns = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// Whether text is waiting for `LF`.
        var hasPendingText: Bool { !runs.isEmpty || runColumns > 0 }

        mutating func run() throws(PrintTestingError) {
            while offset < bytes.count {
                let start = offset
                let byte = bytes[offset]
                switch byte {
                case 0x0A:
                    offset += 1
                    endLine(feedingWhenEmpty: true)
                case 0x1B: try escape(start)
                case 0x1D: try groupSeparator(start)
                case 0x1C: try fileSeparator(start)
                case 0x20...0x7E:
                    offset += 1
                    append(Character(Unicode.Scalar(byte)), columns: 1, at: start)
                case 0x80...0xFF: try multiByteCharacter(start)
                default: throw PrintTestingError(.unknownCommand, at: start, Self.hex(bytes[start...start]))
                }
            }
            guard !hasPendingText else {
                throw PrintTestingError(.unterminatedLine, at: bytes.count, "text without LF at the end")
            }
        }

        /// Reads `count` parameter bytes after the command's first `commandLength` bytes.
        mutating func parameters(_ count: Int, command start: Int, commandLength: Int) throws(PrintTestingError)
            -> ArraySlice<UInt8>
        {
            let first = start + commandLength
            guard first + count <= bytes.count else {
                throw PrintTestingError(.truncatedCommand, at: start, Self.hex(bytes[start..<min(first, bytes.count)]))
            }
            offset = first + count
            return bytes[first..<(first + count)]
        }

        /// Prints the pending line; an empty line feeds one line when `feedingWhenEmpty`.
        mutating func endLine(feedingWhenEmpty: Bool) {
            closeRun()
            if runs.isEmpty {
                if feedingWhenEmpty { document.items.append(.feed(lines: 1)) }
            } else {
                document.items.append(.text(PrintedLine(runs: runs, alignment: lineAlignment, offset: lineOffset)))
            }
            runs = []
        }

        /// Fails when text is pending where a command needs the start of a line.
        func requireLineStart(_ start: Int, _ command: String) throws(PrintTestingError) {
            guard !hasPendingText else { throw PrintTestingError(.unterminatedLine, at: start, "\(command) mid-line") }
        }

        mutating func append(_ character: Character, columns: Int, at start: Int) {
            if !hasPendingText {
                lineAlignment = settings.alignment
                lineOffset = start
            }
            runText.append(character)
            runColumns += columns
        }

        /// Ends the run being filled before an attribute changes.
        mutating func closeRun() {
            guard runColumns > 0 else { return }
            runs.append(
                PrintedLine.Run(
                    text: runText, columns: runColumns, isBold: settings.isBold,
                    widthMagnification: settings.widthMagnification, heightMagnification: settings.heightMagnification,
                    isChineseMode: settings.isChineseMode
                )
            )
            runText = ""
            runColumns = 0
        }

        static func hex(_ bytes: ArraySlice<UInt8>) -> String {
            bytes.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined(separator: " ")
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(width - count, 0)) + self
    }
}
