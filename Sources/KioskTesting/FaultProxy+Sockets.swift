// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#endif

// The TCP calls of the fault proxy, named `system_` so that they cannot clash with methods.

/// An IPv4 socket address for `host` (a dotted literal) and `port`.
private func system_address(_ host: String, _ port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr(host)
    return address
}

/// Opens a close-on-exec listening TCP socket on `host`, port 0.
/// - Returns: The descriptor and the port the kernel chose, or `nil` with `errno` set.
func system_listen(on host: String) -> (descriptor: CInt, port: Int)? {
    let descriptor = socket(AF_INET, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var address = system_address(host, 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let listening = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
            bind(descriptor, generic, length) == 0 && listen(descriptor, 64) == 0
                && getsockname(descriptor, generic, &length) == 0
        }
    }
    guard listening else {
        let code = errno
        _ = close(descriptor)
        errno = code
        return nil
    }
    return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
}

/// Accepts one connection and makes it close-on-exec (`accept4` is hidden behind `_GNU_SOURCE`), retried on `EINTR`.
/// - Returns: The descriptor, or -1 once the listener was shut down or failed.
func system_accept(_ listener: CInt) -> CInt {
    while true {
        let descriptor = accept(listener, nil, nil)
        if descriptor < 0 && errno == EINTR { continue }
        if descriptor >= 0 { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return descriptor
    }
}

/// Connects a new close-on-exec TCP socket to `host`:`port`.
/// - Returns: The descriptor, or -1 with `errno` set.
func system_connect(to host: String, port: Int) -> CInt {
    let descriptor = socket(AF_INET, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return -1 }
    var address = system_address(host, port)
    let connected = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
            connect(descriptor, generic, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
    guard connected else {
        let code = errno
        _ = close(descriptor)
        errno = code
        return -1
    }
    return descriptor
}

/// Closes a socket abortively: `SO_LINGER` with a zero timeout makes `close` send a TCP RST instead of a FIN.
func system_closeWithReset(_ descriptor: CInt) {
    var option = linger(l_onoff: 1, l_linger: 0)
    _ = setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    _ = close(descriptor)
}

/// Waits up to `milliseconds` for any of `descriptors` to become readable (or hung up).
/// - Returns: For each descriptor, whether it is readable.
func system_pollReadable(_ descriptors: [CInt], milliseconds: CInt) -> [Bool] {
    var entries = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let ready = poll(&entries, nfds_t(entries.count), milliseconds)
    guard ready > 0 else { return descriptors.map { _ in false } }
    return entries.map { $0.revents != 0 }
}
