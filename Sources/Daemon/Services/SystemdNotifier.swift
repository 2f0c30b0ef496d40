// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd how the daemon is doing (`sd_notify`): `READY=1` once the API listens, `STATUS=…` for
/// `systemctl status`, `WATCHDOG=1` pings, and `STOPPING=1` on shutdown.
///
/// The protocol is one datagram of `KEY=VALUE` lines to the Unix socket named in `$NOTIFY_SOCKET`
/// (a leading `@` means the abstract namespace). Without that variable — not started by systemd —
/// every call does nothing. Written here rather than linking libsystemd.
public struct SystemdNotifier: Sendable {
    private let socketPath: String?
    /// How often to send `WATCHDOG=1`: half of `$WATCHDOG_USEC`, or `nil` when the unit has no watchdog.
    public let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from the environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        let forUs = environment["WATCHDOG_PID"].map { Int32($0) == getpid() } ?? true
        if forUs, let micros = environment["WATCHDOG_USEC"].flatMap(UInt64.init), micros > 0 {
            watchdogInterval = .microseconds(Int64(micros / 2))
        } else {
            watchdogInterval = nil
        }
    }

    /// Whether systemd is listening.
    public var isActive: Bool { socketPath != nil }

    /// Sends `READY=1` with a status line.
    public func ready(status: String) { send(["READY=1", "STATUS=\(status)"]) }

    /// Updates the status line `systemctl status` shows.
    public func status(_ text: String) { send(["STATUS=\(text)"]) }

    /// Sends one watchdog ping.
    public func watchdog() { send(["WATCHDOG=1"]) }

    /// Sends `STOPPING=1`.
    public func stopping() { send(["STOPPING=1", "STATUS=stopping"]) }

    private func send(_ lines: [String]) {
        guard let socketPath else { return }
        let message = lines.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketPath.utf8)
        if path.first == UInt8(ascii: "@") { path[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path)
        }
        // An abstract address is counted without a trailing NUL; a path one includes it.
        let length = MemoryLayout<sa_family_t>.size + path.count + (path.first == 0 ? 0 : 1)
        _ = message.withCString { text in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, text, strlen(text), Int32(MSG_NOSIGNAL), $0, socklen_t(length))
                }
            }
        }
    }
}
