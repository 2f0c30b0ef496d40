// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The C calls of the Chromium driver, named `system_` so that they cannot clash with methods such as `send`.

/// Sends `SIGKILL` to process group `group`; a group that is already gone is not an error.
func system_killGroup(_ group: pid_t) {
    _ = kill(-group, SIGKILL)
}

/// Moves `descriptor` to a new close-on-exec descriptor at or above `minimum` and closes the original.
/// - Returns: The new descriptor, or -1 with `errno` set.
func system_moveAbove(_ descriptor: CInt, minimum: CInt) -> CInt {
    let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, minimum)
    _ = close(descriptor)
    return moved
}

/// `read(2)`, retried on `EINTR`.
/// - Returns: The byte count, 0 at end of file, or -1 with `errno` set.
func system_read(_ descriptor: CInt, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    while true {
        let count = read(descriptor, buffer.baseAddress, buffer.count)
        if count < 0 && errno == EINTR { continue }
        return count
    }
}

/// Sends all of `buffer` on a socket without raising `SIGPIPE`.
/// - Returns: 0, or the `errno` of the failed `send(2)`.
func system_sendAll(_ descriptor: CInt, _ buffer: UnsafeRawBufferPointer) -> CInt {
    var offset = 0
    while offset < buffer.count {
        let sent = send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, CInt(MSG_NOSIGNAL))
        if sent < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += sent
    }
    return 0
}

/// Shuts both directions of a socket down, which wakes a thread blocked in `read`.
func system_shutdown(_ descriptor: CInt) {
    _ = shutdown(descriptor, CInt(SHUT_RDWR))
}

/// Closes a descriptor.
func system_close(_ descriptor: CInt) {
    _ = close(descriptor)
}

/// Creates a connected pair of close-on-exec Unix stream sockets.
/// - Returns: The two descriptors, or `nil` with `errno` set.
func system_socketPair() -> (CInt, CInt)? {
    var descriptors: [CInt] = [-1, -1]
    #if canImport(Glibc)
        let type = CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue)
    #else
        let type = SOCK_STREAM
    #endif
    guard socketpair(AF_UNIX, type, 0, &descriptors) == 0 else { return nil }
    return (descriptors[0], descriptors[1])
}

/// The text of an `errno` value.
func system_errorText(_ code: CInt) -> String {
    String(cString: strerror(code))
}

/// Adds "close every descriptor from `lowest` up" to `actions`, so that descriptors the test process opened without
/// `O_CLOEXEC` do not leak into the child. glibc 2.34 has `posix_spawn_file_actions_addclosefrom_np`, but its header
/// hides it behind `_GNU_SOURCE`, so it is looked up at run time; without it nothing is added.
func system_addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: CInt) {
    #if canImport(Glibc)
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, CInt) -> CInt
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else {
            return
        }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(actions, lowest)
    #endif
}
