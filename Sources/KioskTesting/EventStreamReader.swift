// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a server-sent-event stream over a plain TCP socket, message by message.
///
/// URLSession on Linux buffers whole responses, so event streams are read here directly.
public final class EventStreamReader: @unchecked Sendable {
    // @unchecked: the socket and buffer are used by one test task at a time; `close()` ends the use.
    /// One message: its id, event name and data line.
    public struct Message: Sendable, Hashable {
        /// The `id:` field.
        public var id: String?
        /// The `event:` field.
        public var event: String?
        /// The `data:` field.
        public var data: String
    }

    private let socket: Int32
    private var buffer = Data()
    private var closed = false

    /// Connects to `127.0.0.1:port` and requests `path`, optionally with `Last-Event-ID`.
    public init(port: Int, path: String = "/api/v1/events", lastEventID: String? = nil) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw KioskTestingError(.launchFailed, "cannot connect to port \(port): \(errno)")
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        if let lastEventID { request += "Last-Event-ID: \(lastEventID)\r\n" }
        request += "\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
        // The server subscribes before it writes the stream's first line, so once `retry:` is here
        // nothing published afterwards can be missed.
        while !buffer.contains(Data("retry:".utf8)) {
            try receive()
        }
    }

    private func receive() throws {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = recv(socket, &chunk, chunk.count, 0)
        guard count > 0 else { throw KioskTestingError(.timeout, "event stream ended or timed out") }
        // The server writes each message as one HTTP chunk, so chunk-size lines fall between messages;
        // they carry no `id:`, `event:` or `data:` field and are skipped by the parser.
        let text = String(decoding: chunk[0..<count], as: UTF8.self)
        buffer.append(Data(text.replacingOccurrences(of: "\r\n", with: "\n").utf8))
    }

    /// The next message that is not a comment; throws on timeout or end of stream.
    public func next() throws -> Message {
        while true {
            if let range = buffer.range(of: Data("\n\n".utf8)) {
                let block = String(decoding: buffer[buffer.startIndex..<range.lowerBound], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex..<range.upperBound)
                var message = Message(data: "")
                var sawField = false
                for line in block.split(separator: "\n") {
                    let text = line.hasSuffix("\r") ? line.dropLast() : line
                    if text.hasPrefix("id: ") { message.id = String(text.dropFirst(4)); sawField = true }
                    if text.hasPrefix("event: ") { message.event = String(text.dropFirst(7)); sawField = true }
                    if text.hasPrefix("data: ") { message.data = String(text.dropFirst(6)); sawField = true }
                }
                if sawField, message.event != nil { return message }
                continue
            }
            try receive()
        }
    }

    /// Reads until a message with this event name arrives.
    public func next(event name: String, within limit: Int = 100) throws -> Message {
        for _ in 0..<limit {
            let message = try next()
            if message.event == name { return message }
        }
        throw KioskTestingError(.timeout, "no \(name) event in \(limit) messages")
    }

    /// Closes the connection (once: closing a descriptor number twice could close whatever the process
    /// opened under that number since — another test's browser pipe, say).
    public func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(socket)
    }

    deinit { close() }
}
