// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Splits a `text/event-stream` into messages, as the HTML standard's event-stream grammar says: lines of
/// `field: value`, a blank line ends a message, `:` starts a comment (the daemon's `: ping`), `data` lines
/// join with newlines, `retry` sets the reconnection delay. Bytes may arrive split anywhere.
public struct ServerSentEventParser: Sendable {
    /// One message.
    public struct Message: Sendable, Hashable {
        /// Its `id`, if it had one (the daemon's `seq`).
        public var id: String?
        /// Its `event` name, `message` when it had none.
        public var event: String
        /// Its `data` lines, joined.
        public var data: String
    }

    private var line: [UInt8] = []
    private var id: String?
    private var event: String?
    private var data: [String] = []
    /// The reconnection delay the stream asked for, in milliseconds.
    public private(set) var retryMilliseconds: Int?

    /// A parser at the start of a stream.
    public init() {}

    /// Parses newly read bytes.
    /// - Parameter bytes: What the stream sent.
    /// - Returns: The messages completed by them.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [Message] where Bytes.Element == UInt8 {
        var messages: [Message] = []
        for byte in bytes {
            guard byte == UInt8(ascii: "\n") else {
                line.append(byte)
                continue
            }
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if let message = take(String(decoding: line, as: UTF8.self)) { messages.append(message) }
            line.removeAll(keepingCapacity: true)
        }
        return messages
    }

    private mutating func take(_ text: String) -> Message? {
        if text.isEmpty {
            defer {
                event = nil
                data = []
            }
            guard !data.isEmpty else { return nil }
            return Message(id: id, event: event ?? "message", data: data.joined(separator: "\n"))
        }
        if text.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = Substring(text)
            value = ""
        }
        switch field {
        case "id": id = String(value)
        case "event": event = String(value)
        case "data": data.append(String(value))
        case "retry": retryMilliseconds = Int(value) ?? retryMilliseconds
        default: break
        }
        return nil
    }
}
