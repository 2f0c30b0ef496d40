// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP server on its own threads, for the fault proxy's tests: it reads a request up to its blank line
/// (or the end of the stream), records what it read, answers a fixed HTTP response and closes.
final class PlainTCPServer: Sendable {
    /// The response every request gets.
    static let response = Array("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello".utf8)

    /// One served connection.
    struct Served: Sendable {
        /// The bytes read.
        var received: [UInt8]
        /// Whether the response was written.
        var answered: Bool
    }

    let port: Int
    private let listener: CInt
    private let served = Mutex<[Served]>([])

    init() throws {
        let descriptor = socket(AF_INET, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 16) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts accepting on a thread of its own.
    func start() {
        Thread {
            while true {
                let connection = accept(self.listener, nil, nil)
                guard connection >= 0 else { return }
                Thread { self.serve(connection) }.start()
            }
        }.start()
    }

    /// Stops accepting.
    func stop() {
        _ = shutdown(listener, CInt(SHUT_RDWR))
        _ = close(listener)
    }

    /// The connections served so far.
    var connections: [Served] { served.withLock { $0 } }

    private func serve(_ connection: CInt) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.ends(with: Array("\r\n\r\n".utf8)) {
            let count = buffer.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        let answer = received.ends(with: Array("\r\n\r\n".utf8))
        if answer { _ = Self.response.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, CInt(MSG_NOSIGNAL)) } }
        _ = close(connection)
        served.withLock { $0.append(Served(received: received, answered: answer)) }
    }
}

/// How a plain client's exchange ended.
enum Ending: Sendable, Equatable {
    /// The peer closed normally.
    case endOfStream
    /// The peer reset the connection.
    case reset
    /// Nothing more came within the timeout.
    case timeout
}

/// Connects to `port`, sends `request`, and reads until the end, a reset or `timeout` — on a thread of its own.
func plainExchange(port: Int, request: [UInt8], timeout: Duration) async -> (response: [UInt8], ending: Ending) {
    await withCheckedContinuation { continuation in
        Thread {
            let descriptor = socket(AF_INET, CInt(SOCK_STREAM.rawValue), 0)
            defer { _ = close(descriptor) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard connected else { return continuation.resume(returning: ([], .reset)) }
            // A reset that arrives before the request is written fails the send and consumes the socket's
            // error, so a later read would only see the end of the stream.
            let sent = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, CInt(MSG_NOSIGNAL)) }
            if sent < 0, errno == ECONNRESET || errno == EPIPE { return continuation.resume(returning: ([], .reset)) }
            let deadline = ContinuousClock.now + timeout
            var response: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let left = deadline - ContinuousClock.now
                guard left > .zero else { return continuation.resume(returning: (response, .timeout)) }
                var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&entry, 1, CInt(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000) + 1) > 0
                else { continue }
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count == 0 { return continuation.resume(returning: (response, .endOfStream)) }
                if count < 0 { return continuation.resume(returning: (response, errno == ECONNRESET ? .reset : .endOfStream)) }
                response += buffer[0..<count]
            }
        }.start()
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
