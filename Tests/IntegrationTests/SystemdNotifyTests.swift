// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The daemon speaks systemd's notify protocol: READY=1 once it listens, watchdog pings, STOPPING=1.
@Suite(.serialized)
struct SystemdNotifyTests {
    /// A Unix datagram socket standing in for systemd's notify socket.
    final class NotifySocket {
        let path: String
        private let descriptor: Int32

        init(in directory: TestDirectory) throws {
            path = directory.file("notify.sock").path
            descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard bound == 0 else { throw KioskTestingError(.launchFailed, "cannot bind \(path): \(errno)") }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        /// The next datagram, or nil after 10 s.
        func receive() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
        }

        /// Datagrams until one contains `text`; nil when none did within the timeout.
        func receive(containing text: String) -> String? {
            while let message = receive() {
                if message.contains(text) { return message }
            }
            return nil
        }

        deinit { close(descriptor) }
    }

    @Test func readinessWatchdogAndStoppingReachSystemd() async throws {
        let directory = try TestDirectory("notify")
        let systemd = try NotifySocket(in: directory)
        let daemon = try await DaemonProcess(
            database: directory.file("k.sqlite"), logFile: directory.file("log"),
            environment: ["NOTIFY_SOCKET": systemd.path, "WATCHDOG_USEC": "400000"])
        let ready = systemd.receive(containing: "READY=1")
        #expect(ready?.contains("STATUS=") == true)
        #expect(systemd.receive(containing: "WATCHDOG=1") != nil)
        try await daemon.stop(signal: SIGTERM)
        #expect(systemd.receive(containing: "STOPPING=1") != nil)
    }
}
