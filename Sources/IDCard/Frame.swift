// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// One frame of the SAM protocol (GA 467), in either direction.
///
/// On the wire: `AA AA AA 96 69 | Len1 Len2 | body | CHK_SUM`. The length is big-endian and counts the
/// body and the checksum; the checksum is the XOR of the two length bytes and the body. The body is
/// `CMD Para Data` from the host (see ``Command``) and `SW1 SW2 SW3 Data` from the reader (see ``Response``).
///
/// The description shows the first three body bytes and the data size, never the data: a read response
/// carries the card's text in UCS-2.
public struct Frame: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The five bytes that start every frame: three sync bytes and the frame start `96 69`.
    public static let preamble: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69]
    /// The largest length field accepted, in bytes (body plus checksum).
    ///
    /// The largest known frame is a read with two fingerprint templates: 2,321 bytes, length field 2,314.
    /// 4,096 leaves room for vendor variants and bounds what a decoder holds on hostile input.
    public static let maximumLength = 4096
    /// The smallest length field of a command: CMD, Para and the checksum.
    public static let minimumLength = 3
    /// The size of the preamble and the length field.
    public static let headerSize = 7

    /// Everything between the length field and the checksum: `CMD Para Data` or `SW1 SW2 SW3 Data`.
    public let body: [UInt8]

    /// Creates a frame around a body.
    /// - Parameter body: `CMD Para Data` or `SW1 SW2 SW3 Data`.
    /// - Throws: ``IDCardError/Code/impossibleLength`` when the body is shorter than 2 bytes, and
    ///   ``IDCardError/Code/dataTooLong`` when the length field would exceed ``maximumLength``.
    public init(body: [UInt8]) throws(IDCardError) {
        guard body.count + 1 >= Self.minimumLength else {
            throw IDCardError(.impossibleLength, "body of \(body.count) bytes")
        }
        guard body.count + 1 <= Self.maximumLength else {
            throw IDCardError(.dataTooLong, "body of \(body.count) bytes, limit \(Self.maximumLength - 1)")
        }
        self.body = body
    }

    /// For the types in this module that have already bounded the body.
    init(uncheckedBody body: [UInt8]) {
        self.body = body
    }

    /// Decodes exactly one frame.
    /// - Parameter bytes: The frame from its preamble to its checksum, nothing before or after.
    /// - Throws: ``IDCardError`` with code ``IDCardError/Code/missingPreamble``,
    ///   ``IDCardError/Code/impossibleLength``, ``IDCardError/Code/truncatedFrame``,
    ///   ``IDCardError/Code/trailingBytes`` or ``IDCardError/Code/badChecksum``.
    public init(decoding bytes: some Collection<UInt8>) throws(IDCardError) {
        let bytes = Array(bytes)
        guard bytes.count >= Self.preamble.count, bytes.starts(with: Self.preamble) else {
            throw IDCardError(.missingPreamble)
        }
        guard bytes.count >= Self.headerSize else {
            throw IDCardError(.truncatedFrame, "\(bytes.count) bytes, header needs \(Self.headerSize)")
        }
        let length = Int(bytes[5]) << 8 | Int(bytes[6])
        guard (Self.minimumLength...Self.maximumLength).contains(length) else {
            throw IDCardError(.impossibleLength, "length field \(length)")
        }
        let total = Self.headerSize + length
        guard bytes.count >= total else {
            throw IDCardError(.truncatedFrame, "\(bytes.count) of \(total) bytes")
        }
        guard bytes.count == total else {
            throw IDCardError(.trailingBytes, "\(bytes.count - total) bytes after a frame of \(total)")
        }
        let expected = Self.checksum(of: bytes[5..<(total - 1)])
        guard expected == bytes[total - 1] else {
            throw IDCardError(.badChecksum, "expected \(hex(expected)), found \(hex(bytes[total - 1]))")
        }
        self.body = Array(bytes[Self.headerSize..<(total - 1)])
    }

    /// The XOR of every byte given.
    /// - Parameter bytes: The length field and the body (never the preamble).
    /// - Returns: The checksum byte.
    public static func checksum(of bytes: some Sequence<UInt8>) -> UInt8 {
        bytes.reduce(0, ^)
    }

    /// The length field: the body and the checksum.
    public var length: Int { body.count + 1 }

    /// The checksum byte this frame carries on the wire.
    public var checksum: UInt8 {
        Self.checksum(of: body) ^ UInt8(length >> 8) ^ UInt8(length & 0xFF)
    }

    /// The frame as sent on the wire, preamble to checksum.
    public var encoded: [UInt8] {
        var bytes = Self.preamble
        bytes.reserveCapacity(Self.headerSize + length)
        bytes.append(UInt8(length >> 8))
        bytes.append(UInt8(length & 0xFF))
        bytes.append(contentsOf: body)
        bytes.append(checksum)
        return bytes
    }

    /// The direction the frame most likely travelled, for a sniffed stream with both directions.
    ///
    /// A frame whose first two body bytes are a known `CMD Para` pair (see ``Command/isKnown``) is taken as
    /// a command, anything else as a response. A response's SW1 is `00` or a card's APDU status (`6x`, `9x`),
    /// which never collides with the commands' `CMD` bytes except `61`, and `61 FF` is no APDU status pair.
    public var inferredDirection: Direction {
        Command(frame: self).isKnown ? .command : .response
    }

    /// Which way a frame travels.
    public enum Direction: Sendable, Hashable {
        /// Host to reader: `CMD Para Data`.
        case command
        /// Reader to host: `SW1 SW2 SW3 Data`.
        case response
    }

    /// The length, the first three body bytes and the size of the rest; never the data itself.
    public var description: String {
        let head = body.prefix(3).map(hex).joined(separator: " ")
        return "Frame(length: \(length), body: \(head)\(body.count > 3 ? " +\(body.count - 3) bytes" : ""))"
    }

    /// Same as ``description``: the data may be a card's text.
    public var debugDescription: String { description }

    /// The length and the direction only, so `dump` never shows the data.
    public var customMirror: Mirror {
        Mirror(self, children: ["length": length, "direction": inferredDirection], displayStyle: .struct)
    }
}

/// `0x9F`-style hex for one byte.
func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
}
