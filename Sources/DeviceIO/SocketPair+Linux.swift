// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// A connected pair of stream sockets, both `O_NONBLOCK`: the in-process link between a host and the emulator.
public enum SocketPair {
    /// Creates the pair.
    /// - Returns: Two descriptors.
    /// - Throws: ``DeviceIOError/Code/openFailed``.
    public static func make() throws(DeviceIOError) -> (CInt, CInt) {
        var descriptors: [CInt] = [-1, -1]
        let type = CInt(SOCK_STREAM.rawValue) | CInt(SOCK_NONBLOCK.rawValue) | CInt(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &descriptors) == 0 else {
            throw DeviceIOError(.openFailed, "socketpair: errno \(errno)")
        }
        return (descriptors[0], descriptors[1])
    }
}
