// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A reader-to-host answer: `SW1 SW2 SW3 Data`.
///
/// SW1 and SW2 are the card's APDU status passed through (`00 00` when all went well); SW3 is the
/// reader's own ``CardStatus``. The description never shows the data, which may be a card's text.
public struct Response: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The card's APDU SW1, passed through by the reader.
    public let sw1: UInt8
    /// The card's APDU SW2, passed through by the reader.
    public let sw2: UInt8
    /// SW3: the reader's status.
    public let status: CardStatus
    /// The data after SW3.
    public let data: [UInt8]

    /// Creates a response, e.g. for an emulator.
    /// - Parameters:
    ///   - sw1: The card's SW1, usually `00`.
    ///   - sw2: The card's SW2, usually `00`.
    ///   - status: SW3.
    ///   - data: The data after SW3.
    /// - Throws: ``IDCardError/Code/dataTooLong`` when the frame would exceed ``Frame/maximumLength``.
    public init(sw1: UInt8 = 0, sw2: UInt8 = 0, status: CardStatus, data: [UInt8] = []) throws(IDCardError) {
        guard data.count + 4 <= Frame.maximumLength else {
            throw IDCardError(.dataTooLong, "response data of \(data.count) bytes")
        }
        self.sw1 = sw1
        self.sw2 = sw2
        self.status = status
        self.data = data
    }

    /// Reads a frame as a response.
    /// - Parameter frame: A frame sent by the reader.
    /// - Throws: ``IDCardError/Code/notAResponse`` when the body is shorter than SW1 SW2 SW3.
    public init(frame: Frame) throws(IDCardError) {
        guard frame.body.count >= 3 else {
            throw IDCardError(.notAResponse, "body of \(frame.body.count) bytes")
        }
        sw1 = frame.body[0]
        sw2 = frame.body[1]
        status = CardStatus(rawValue: frame.body[2])
        data = Array(frame.body.dropFirst(3))
    }

    /// Decodes exactly one response frame.
    /// - Parameter bytes: The frame from its preamble to its checksum.
    /// - Throws: What ``Frame/init(decoding:)`` and ``init(frame:)`` throw.
    public init(decoding bytes: some Collection<UInt8>) throws(IDCardError) {
        try self.init(frame: Frame(decoding: bytes))
    }

    /// The frame carrying this response.
    public var frame: Frame { Frame(uncheckedBody: [sw1, sw2, status.rawValue] + data) }

    /// The bytes on the wire.
    public var encoded: [UInt8] { frame.encoded }

    /// The status words and the size of the data, e.g. `Response(00 00 90: success, 1284 data bytes)`.
    public var description: String {
        "Response(\(hex(sw1)) \(hex(sw2)) \(hex(status.rawValue)): \(status.englishMessage), \(data.count) data bytes)"
    }

    /// Same as ``description``: the data may be a card's text.
    public var debugDescription: String { description }

    /// The status words and the data size only, so `dump` never shows the data.
    public var customMirror: Mirror {
        Mirror(self, children: ["sw1": sw1, "sw2": sw2, "status": status, "dataCount": data.count], displayStyle: .struct)
    }
}
