// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import IDCard

/// `kioskd reader`: tools for technicians working on ID-card readers.
struct ReaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "Tools for ID-card readers (GA 467 SAM frame protocol).",
        subcommands: [ReaderDecodeCommand.self])
}

/// `kioskd reader decode FILE`: prints every frame of a captured byte stream, in either direction.
///
/// Exit status: 0 when every frame is valid (skipped garbage alone is fine: sniffers capture line noise),
/// 1 when a frame is invalid (bad checksum, impossible length, truncated at the end of the input),
/// 65 when `--hex` input is not hex, 66 when the file cannot be read.
struct ReaderDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a captured reader byte stream (a serial sniff, usbmon payloads), both directions.",
        discussion: """
            Prints one block per frame: its offset in the input, the direction (inferred: a known CMD Para \
            pair is a command, anything else a response), the command's name or the response's SW1 SW2 SW3 \
            with the status meaning, the length field, the checksum and the data length. A read response \
            (30 01 or 30 10) shows the identity masked: card type, masked name and number, sex, birth year \
            and validity end; never clear personal data and never the photo. Skipped garbage and rejected \
            frames are reported with their offsets; a summary line ends the output.

            With --hex the input is hex text: whitespace, newlines, 0x prefixes, ':' '-' ',' separators, \
            and comments after '#' or '//' are allowed, e.g. a copied serial-sniffer dump.

            Exit status: 0 when every frame is valid (garbage alone is allowed), 1 when a frame is invalid \
            (bad checksum, impossible length, truncated at the end of the input), 65 when --hex text is not \
            hex, 66 when the file cannot be read.
            """)

    @Flag(name: .long, help: "Read hex text instead of raw bytes.")
    var hex = false

    @Argument(help: ArgumentHelp("The captured stream, or '-' for standard input.", valueName: "file"))
    var file: String

    func run() throws {
        let input: Data
        if file == "-" {
            input = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: file)
            else {
                Self.printError("kioskd: \(file): cannot read the file")
                throw ExitCode(66)
            }
            input = data
        }
        var bytes = [UInt8](input)
        if hex {
            do {
                bytes = try HexText.decode(String(decoding: bytes, as: UTF8.self))
            } catch {
                Self.printError("kioskd: \(file == "-" ? "standard input" : file): \(error.message)")
                throw ExitCode(65)
            }
        }
        var report = FrameReport(input: bytes)
        report.decode()
        print(report.lines.joined(separator: "\n"))
        if report.invalidFrames > 0 { throw ExitCode(1) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Hex text as copied from a sniffer: pairs of hex digits, with any whitespace, `0x` prefixes, `:` `-` `,`
/// separators and comments after `#` or `//`.
fileprivate enum HexText {
    struct Error: Swift.Error {
        let message: String
    }

    static func decode(_ text: String) throws(Error) -> [UInt8] {
        var bytes: [UInt8] = []
        for (lineIndex, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let comment = line.range(of: "#") { line = line[..<comment.lowerBound] }
            if let comment = line.range(of: "//") { line = line[..<comment.lowerBound] }
            let tokens = line.split { $0.isWhitespace || $0 == ":" || $0 == "-" || $0 == "," }
            for token in tokens {
                var digits = token
                if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
                let values = digits.compactMap { $0.hexDigitValue }
                guard !digits.isEmpty, values.count == digits.count, values.count.isMultiple(of: 2) else {
                    throw Error(message: "line \(lineIndex + 1): '\(token)' is not hex bytes (pairs of hex digits)")
                }
                var index = 0
                while index < values.count {
                    bytes.append(UInt8(values[index] << 4 | values[index + 1]))
                    index += 2
                }
            }
        }
        return bytes
    }
}

/// Walks a whole captured stream through ``FrameDecoder`` and describes what it finds, masked.
fileprivate struct FrameReport {
    let input: [UInt8]
    private(set) var lines: [String] = []
    private(set) var frames = 0
    private(set) var commands = 0
    private(set) var responses = 0
    private(set) var garbageBytes = 0
    private(set) var invalidFrames = 0
    private(set) var undecodablePayloads = 0

    /// Where the decoder is in ``input``.
    private var offset = 0
    /// The extent of the last rejected frame, to tell garbage that is the rest of it.
    private var rejectedExtent: Range<Int>?
    /// The last command seen, to decode its response's data.
    private var lastCommand: Command?

    init(input: [UInt8]) {
        self.input = input
    }

    mutating func decode() {
        var decoder = FrameDecoder()
        for event in decoder.feed(input) + decoder.finish() {
            handle(event)
        }
        var summary =
            "summary: \(frames) frames (\(commands) commands, \(responses) responses), "
            + "\(garbageBytes) garbage bytes, \(invalidFrames) invalid frames"
        if undecodablePayloads > 0 { summary += ", \(undecodablePayloads) undecodable read payloads" }
        lines.append(summary)
    }

    private mutating func handle(_ event: FrameDecoder.Event) {
        switch event {
        case .garbage(let count):
            var line = "skipped \(count) bytes of garbage at offset \(offset)"
            if let extent = rejectedExtent, extent.contains(offset) {
                line += " (inside the rejected frame at offset \(extent.lowerBound))"
            }
            lines.append(line)
            garbageBytes += count
            offset += count
        case .frame(let frame):
            describe(frame, at: offset)
            offset += Frame.headerSize + frame.length
        case .rejected(let error):
            invalidFrames += 1
            describeRejected(error, at: offset)
            // The decoder resumes scanning right after the rejected frame's preamble; a truncated frame
            // (from finish) holds the rest of the input.
            offset = error.code == .truncatedFrame ? input.count : offset + Frame.preamble.count
        }
    }

    private mutating func describe(_ frame: Frame, at start: Int) {
        frames += 1
        let details =
            "length \(frame.length), checksum \(hexByte(frame.checksum)) valid, "
        switch frame.inferredDirection {
        case .command:
            commands += 1
            let command = Command(frame: frame)
            lastCommand = command
            lines.append("frame at offset \(start): command \(hexByte(command.code)) \(hexByte(command.parameter))")
            lines.append("  \(command.name) / \(command.chineseName)")
            lines.append("  " + details + "data \(command.data.count) bytes")
        case .response:
            responses += 1
            guard let response = try? Response(frame: frame) else {
                // A body of 2 bytes that is no known command: neither a command nor a response.
                lines.append("frame at offset \(start): response too short for SW1 SW2 SW3 (unknown command?)")
                lines.append("  " + details + "body \(frame.body.count) bytes")
                return
            }
            let status = response.status
            lines.append(
                "frame at offset \(start): response \(hexByte(response.sw1)) \(hexByte(response.sw2)) "
                    + "\(hexByte(status.rawValue))")
            lines.append(
                "  \(status.chineseMessage) / \(status.englishMessage) (\(classification(status.classification)))")
            lines.append("  " + details + "data \(response.data.count) bytes")
            describeData(of: response)
            lastCommand = nil
        }
    }

    /// Decodes a read answer's identity, masked; other payloads are only counted.
    private mutating func describeData(of response: Response) {
        guard response.status == .success, !response.data.isEmpty else { return }
        let read: CardRead
        do throws(IDCardError) {
            switch lastCommand {
            case Command.readTextAndPhoto?:
                read = try CardRead(textAndPhoto: response.data)
            case Command.readWithFingerprint?:
                read = try CardRead(withFingerprint: response.data)
            default:
                // No command in the capture: recognise the read layouts by their lengths adding up.
                if let layout = Self.readLayout(of: response.data) {
                    read = try layout ? CardRead(withFingerprint: response.data) : CardRead(textAndPhoto: response.data)
                } else {
                    return
                }
            }
        } catch {
            undecodablePayloads += 1
            lines.append("  identity: cannot decode the read payload: \(error)")
            return
        }
        let identity = read.identity
        let summary = identity.summary
        lines.append(
            "  identity (masked): \(summary.cardType), name \(summary.maskedName), number \(summary.maskedNumber), "
                + "sex \(summary.sex), born \(summary.birthYear), valid until \(identity.validity.end)")
        lines.append(
            "  photo \(read.photo.count) bytes (WLT, not shown), fingerprint \(read.fingerprint.count) bytes (not shown)")
    }

    /// Whether the data's leading lengths add up to a `30 01` layout (false) or a `30 10` layout (true).
    private static func readLayout(of data: [UInt8]) -> Bool? {
        func length(_ index: Int) -> Int { Int(data[index]) << 8 | Int(data[index + 1]) }
        guard data.count >= 6, length(0) == TextBlock.size else { return nil }
        if 4 + length(0) + length(2) == data.count { return false }
        if 6 + length(0) + length(2) + length(4) == data.count { return true }
        return nil
    }

    private mutating func describeRejected(_ error: IDCardError, at start: Int) {
        lines.append("rejected frame at offset \(start): \(error)")
        // Only a bad checksum leaves a frame whose extent is known; show what it would have been.
        guard error.code == .badChecksum, input.count >= start + Frame.headerSize else { return }
        let length = Int(input[start + 5]) << 8 | Int(input[start + 6])
        let end = start + Frame.headerSize + length
        rejectedExtent = start..<min(end, input.count)
        guard end <= input.count, length >= Frame.minimumLength,
            let frame = try? Frame(body: Array(input[(start + Frame.headerSize)..<(end - 1)]))
        else { return }
        switch frame.inferredDirection {
        case .command:
            let command = Command(frame: frame)
            lines.append("  looks like command \(command.name) / \(command.chineseName), length \(length)")
            lastCommand = command
        case .response:
            if let response = try? Response(frame: frame) {
                lines.append(
                    "  looks like response \(hexByte(response.sw1)) \(hexByte(response.sw2)) "
                        + "\(hexByte(response.status.rawValue)) \(response.status.englishMessage), length \(length)")
            }
        }
    }

    private func classification(_ classification: CardStatus.Classification) -> String {
        switch classification {
        case .success: "success"
        case .retry: "retry"
        case .cardError: "card error"
        case .callTechnician: "call a technician"
        }
    }
}

/// `0x9F`-style hex for one byte.
private func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
}
