// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Dispatch
public import DeviceIO

/// A USB-serial or RS-232 reader, or the slave side of the emulator's pty, through termios.
///
/// Opening takes the tty with `O_NOCTTY | O_NONBLOCK`, an exclusive `flock`, raw mode (`cfmakeraw`), the
/// ``SerialSettings`` (115200 8N1 by default), no flow control, `VMIN = VTIME = 0`, and drops stale input.
/// Timeouts use `poll()`.
///
/// Threading: each transport owns a serial `DispatchQueue` on which every blocking call runs (the open,
/// `poll`, `read`, `write`, `close`); callers suspend on a continuation, so Swift's cooperative pool is never
/// blocked. A read waits at most its timeout, and notices cancellation or ``close()`` within 50 ms.
///
/// An unplugged device (`read` gives `EIO`, `ENXIO` or end of file; `poll` gives `POLLHUP`) is
/// ``ReaderError/Code/disconnected``.
public final class SerialTransport: ReaderTransport {
    /// The device path, e.g. `/dev/ttyUSB0` or `/dev/pts/3`.
    public let path: String
    /// The line settings applied at open.
    public let settings: SerialSettings
    private let link: DescriptorTransport

    /// Opens and configures a serial device.
    /// - Parameters:
    ///   - path: The device path.
    ///   - settings: The line settings; 115200 8N1 by default.
    /// - Throws: ``ReaderError`` with code ``ReaderError/Code/openFailed`` (missing device, no permission,
    ///   already in use, not a tty, unsupported speed) or ``ReaderError/Code/cancelled``.
    public init(path: String, settings: SerialSettings = .standard) async throws {
        self.path = path
        self.settings = settings
        let queue = DispatchQueue(label: "kioskd.reader.serial")
        let descriptor = try await DescriptorTransport.run(on: queue) { _ throws(DeviceIOError) in
            try SerialLine.open(path: path, settings: settings)
        }
        link = DescriptorTransport(descriptor: descriptor, name: path, queue: queue)
    }

    /// The device path.
    public var name: String { path }

    /// Writes all the bytes; see ``ReaderTransport/write(_:timeout:)``.
    /// - Parameters:
    ///   - bytes: The bytes to send.
    ///   - timeout: How long the line may stay unable to take more bytes.
    /// - Throws: ``ReaderError``.
    public func write(_ bytes: [UInt8], timeout: Duration) async throws {
        try await link.write(bytes, timeout: timeout)
    }

    /// Reads what is available; see ``ReaderTransport/read(maximumCount:timeout:)``.
    /// - Parameters:
    ///   - maximumCount: The most bytes to return.
    ///   - timeout: How long to wait when nothing is available.
    /// - Returns: At least one byte, or none when the timeout passed.
    /// - Throws: ``ReaderError``.
    public func read(maximumCount: Int, timeout: Duration) async throws -> [UInt8] {
        try await link.read(maximumCount: maximumCount, timeout: timeout)
    }

    /// Closes the device.
    public func close() async {
        await link.close()
    }
}
