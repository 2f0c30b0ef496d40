// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// Opening a character device (a tty, a usblp printer) for a ``DescriptorLink``.
///
/// This call blocks briefly; run it on a link's queue (``DescriptorLink/run(on:_:)``).
public enum DeviceFile {
    /// Opens a device read-write with `O_NOCTTY | O_NONBLOCK | O_CLOEXEC` and takes an exclusive `flock`, so
    /// that two programs never interleave their bytes on one device.
    /// - Parameter path: The device path, e.g. `/dev/usb/lp0` or `/dev/ttyUSB0`.
    /// - Returns: The open descriptor, owned by the caller.
    /// - Throws: ``DeviceIOError/Code/openFailed`` (missing device, no permission, in use by another process).
    public static func open(path: String) throws(DeviceIOError) -> CInt {
        let descriptor = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DeviceIOError(.openFailed, "\(path): open: errno \(errno)")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            _ = Glibc.close(descriptor)
            throw DeviceIOError(.openFailed, "\(path): in use by another process (errno \(error))")
        }
        return descriptor
    }

    /// Whether an open descriptor is a terminal (a tty or a pty slave) rather than, say, a usblp device.
    /// - Parameter descriptor: An open descriptor.
    /// - Returns: `true` for a terminal.
    public static func isTerminal(_ descriptor: CInt) -> Bool {
        isatty(descriptor) == 1
    }

    /// Closes a descriptor that no link owns yet (after a failed set-up).
    /// - Parameter descriptor: The descriptor.
    public static func close(_ descriptor: CInt) {
        _ = Glibc.close(descriptor)
    }
}
