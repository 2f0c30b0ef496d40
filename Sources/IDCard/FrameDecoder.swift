// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A streaming decoder: feed byte chunks as they arrive, get complete frames out.
///
/// It scans for the preamble `AA AA AA 96 69`, skipping and counting garbage before it. A length field
/// below 3 or above the cap is rejected as soon as the header is in, so hostile input never makes it
/// hold more than `7 + maximumLength` bytes plus one slice of input. A bad checksum is rejected too. After
/// a rejection it resumes scanning right after the rejected preamble: a real frame may start inside a
/// truncated one (a card pulled mid-read), and those bytes count as garbage if no frame starts there.
///
/// Events come out in stream order and do not depend on how the stream was split into chunks: skipped
/// garbage is reported as one ``Event/garbage(count:)`` just before the next frame or rejection, or by
/// ``finish()``.
public struct FrameDecoder: Sendable {
    /// What the decoder found in the stream.
    public enum Event: Sendable, Hashable {
        /// A complete frame with a valid checksum.
        case frame(Frame)
        /// This many bytes were skipped because no preamble started there.
        case garbage(count: Int)
        /// A frame was rejected: ``IDCardError/Code/impossibleLength``, ``IDCardError/Code/badChecksum``,
        /// or, from ``finish()``, ``IDCardError/Code/truncatedFrame``.
        case rejected(IDCardError)
    }

    /// How much input is appended to the buffer at a time.
    private static let sliceSize = 4096

    /// The largest length field accepted.
    public let maximumLength: Int
    private var buffer: [UInt8] = []
    /// Where the unread part of ``buffer`` starts.
    private var start = 0
    private var skipped = 0

    /// Creates a decoder.
    /// - Parameter maximumLength: The largest length field accepted; clamped to 4...65535.
    ///   Defaults to ``Frame/maximumLength``.
    public init(maximumLength: Int = Frame.maximumLength) {
        self.maximumLength = min(max(maximumLength, 4), 0xFFFF)
        buffer.reserveCapacity(Frame.headerSize + self.maximumLength + Self.sliceSize)
    }

    /// Garbage bytes skipped since the last event; reported with the next event or by ``finish()``.
    public var pendingGarbageCount: Int { skipped }

    /// Bytes held for a frame that is not complete yet (at most `7 + maximumLength`).
    public var bufferedByteCount: Int { buffer.count - start }

    /// Feeds the next chunk of the stream.
    /// - Parameter chunk: Any number of bytes, split anywhere.
    /// - Returns: The events the chunk completed, in stream order.
    public mutating func feed(_ chunk: some Collection<UInt8>) -> [Event] {
        var events: [Event] = []
        var rest = chunk[...]
        while !rest.isEmpty {
            let slice = rest.prefix(Self.sliceSize)
            rest = rest.dropFirst(slice.count)
            buffer.append(contentsOf: slice)
            decode(into: &events)
        }
        return events
    }

    /// Ends the stream: a frame still incomplete is rejected as truncated, and pending garbage reported.
    ///
    /// The decoder is empty afterwards and can take a new stream.
    /// - Returns: The last events.
    public mutating func finish() -> [Event] {
        var events: [Event] = []
        let held = buffer.count - start
        if held >= Frame.preamble.count {
            flushGarbage(into: &events)
            events.append(.rejected(IDCardError(.truncatedFrame, "stream ended \(held) bytes into a frame")))
        } else {
            skipped += held
            flushGarbage(into: &events)
        }
        buffer.removeAll(keepingCapacity: true)
        start = 0
        return events
    }

    private mutating func decode(into events: inout [Event]) {
        while true {
            guard alignToPreamble() else { break }
            let available = buffer.count - start
            guard available >= Frame.headerSize else { break }
            let length = Int(buffer[start + 5]) << 8 | Int(buffer[start + 6])
            guard (Frame.minimumLength...maximumLength).contains(length) else {
                reject(IDCardError(.impossibleLength, "length field \(length)"), into: &events)
                continue
            }
            let total = Frame.headerSize + length
            guard available >= total else { break }
            let end = start + total
            let expected = Frame.checksum(of: buffer[(start + 5)..<(end - 1)])
            guard expected == buffer[end - 1] else {
                let context = "length field \(length), expected \(hex(expected)), found \(hex(buffer[end - 1]))"
                reject(IDCardError(.badChecksum, context), into: &events)
                continue
            }
            flushGarbage(into: &events)
            events.append(.frame(Frame(uncheckedBody: Array(buffer[(start + Frame.headerSize)..<(end - 1)]))))
            start = end
        }
        compact()
    }

    /// Moves `start` to the next preamble. Returns false when none is complete; then only a possible
    /// preamble prefix (at most 4 bytes) stays buffered.
    private mutating func alignToPreamble() -> Bool {
        let preamble = Frame.preamble
        var index = start
        while index < buffer.count {
            // Compare as far as the buffer goes; a prefix at the end may still become a preamble.
            var matched = 0
            while matched < preamble.count, index + matched < buffer.count, buffer[index + matched] == preamble[matched] {
                matched += 1
            }
            if matched == preamble.count || index + matched == buffer.count {
                skipped += index - start
                start = index
                return matched == preamble.count
            }
            index += 1
        }
        skipped += index - start
        start = index
        return false
    }

    private mutating func reject(_ error: IDCardError, into events: inout [Event]) {
        flushGarbage(into: &events)
        events.append(.rejected(error))
        // A preamble cannot overlap itself, so the next one starts after this one at the earliest.
        start += Frame.preamble.count
    }

    private mutating func flushGarbage(into events: inout [Event]) {
        guard skipped > 0 else { return }
        events.append(.garbage(count: skipped))
        skipped = 0
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}
