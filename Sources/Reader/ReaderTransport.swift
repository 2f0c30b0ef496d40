// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A byte link to a reader (or, for the emulator, to a host): USB-serial, a pty, a socket pair.
///
/// Implementations never block the caller's thread: blocking system calls run on a thread the transport
/// owns. Every error thrown is a ``ReaderError``; an unplugged device or a closed peer is
/// ``ReaderError/Code/disconnected``, never a crash or a hang.
public protocol ReaderTransport: Sendable {
    /// A name for logs: a device path or `in-process`. Never card data.
    var name: String { get }

    /// Writes all the bytes.
    /// - Parameters:
    ///   - bytes: The bytes to send.
    ///   - timeout: How long the link may stay unable to take more bytes.
    /// - Throws: ``ReaderError`` (``ReaderError/Code/disconnected``, ``ReaderError/Code/timeout``,
    ///   ``ReaderError/Code/cancelled``, ``ReaderError/Code/ioFailed``).
    func write(_ bytes: [UInt8], timeout: Duration) async throws

    /// Reads the bytes available, waiting up to `timeout` for the first ones.
    /// - Parameters:
    ///   - maximumCount: The most bytes to return.
    ///   - timeout: How long to wait when nothing is available.
    /// - Returns: At least one byte, or an empty array when the timeout passed with nothing to read.
    /// - Throws: ``ReaderError`` (``ReaderError/Code/disconnected``, ``ReaderError/Code/cancelled``,
    ///   ``ReaderError/Code/ioFailed``).
    func read(maximumCount: Int, timeout: Duration) async throws -> [UInt8]

    /// Closes the link. Later reads and writes throw ``ReaderError/Code/disconnected``; closing twice is harmless.
    func close() async
}
