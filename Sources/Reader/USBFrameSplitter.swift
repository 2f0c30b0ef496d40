// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard

/// Cuts a stream of GA 467 frames into the pieces the split USB scheme sends on separate pipes: each frame's
/// header (preamble and length, 7 bytes) and its body (everything the length counts). Pure: no I/O.
///
/// Bytes before a preamble (line noise) travel with the next header, so nothing is dropped and the receiver's
/// ``FrameDecoder`` resynchronises as on a serial line. A body is emitted as soon as any of it is fed, so a
/// frame cut short shows as a short body. Used on both sides of the link: by ``USBTransport`` for what it
/// writes and receives, and by the USB test rig for what its emulated device answers.
public struct USBFrameSplitter: Sendable, Hashable {
    /// A piece of the stream, for one pipe.
    public enum Piece: Sendable, Hashable {
        /// A frame's preamble and length, with any noise before them.
        case header([UInt8])
        /// Body bytes (status or command, data, checksum) of the frame whose header came last.
        case body([UInt8])
    }

    /// What the stream holds next.
    public enum Expectation: Sendable, Hashable {
        /// A header (or noise before one).
        case header
        /// This many more body bytes.
        case body(remaining: Int)
    }

    /// Noise held back while looking for a preamble, at most; older noise is passed on as a header piece.
    static let noiseLimit = 64

    private var pendingHeader: [UInt8] = []
    private var bodyRemaining = 0

    /// Creates a splitter that expects a header.
    public init() {}

    /// What the stream holds next.
    public var expectation: Expectation { bodyRemaining > 0 ? .body(remaining: bodyRemaining) : .header }

    /// Whether the stream is between two frames: no header bytes held and no body owed.
    public var isBetweenFrames: Bool { bodyRemaining == 0 && pendingHeader.isEmpty }

    /// Feeds bytes in stream order.
    /// - Parameter bytes: The next bytes.
    /// - Returns: The pieces they complete, in order; consecutive body bytes are one piece.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Piece] {
        var pieces: [Piece] = []
        var rest = bytes[...]
        while !rest.isEmpty {
            if bodyRemaining > 0 {
                let taken = rest.prefix(bodyRemaining)
                bodyRemaining -= taken.count
                rest = rest.dropFirst(taken.count)
                if case .body(let earlier) = pieces.last {
                    pieces[pieces.count - 1] = .body(earlier + taken)
                } else {
                    pieces.append(.body(Array(taken)))
                }
                continue
            }
            pendingHeader.append(rest.removeFirst())
            if let start = Self.preambleStart(in: pendingHeader) {
                guard pendingHeader.count - start >= Frame.headerSize else { continue }
                bodyRemaining = Int(pendingHeader[start + 5]) << 8 | Int(pendingHeader[start + 6])
                pieces.append(.header(pendingHeader))
                pendingHeader = []
            } else if pendingHeader.count > Self.noiseLimit {
                // Keep the tail that may still be the start of a preamble.
                let kept = Frame.preamble.count - 1
                pieces.append(.header(Array(pendingHeader.dropLast(kept))))
                pendingHeader = Array(pendingHeader.suffix(kept))
            }
        }
        return pieces
    }

    /// Forgets a partial frame: a new command abandons whatever was left of the previous answer.
    public mutating func reset() {
        pendingHeader = []
        bodyRemaining = 0
    }

    /// Where a complete preamble starts, or where a partial one at the end starts; nil when none does.
    private static func preambleStart(in bytes: [UInt8]) -> Int? {
        let preamble = Frame.preamble
        for start in bytes.indices {
            let length = min(preamble.count, bytes.count - start)
            if bytes[start..<(start + length)].elementsEqual(preamble.prefix(length)) {
                return length == preamble.count ? start : nil
            }
        }
        return nil
    }
}
