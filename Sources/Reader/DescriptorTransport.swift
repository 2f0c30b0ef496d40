// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Dispatch
import DeviceIO

/// A ``ReaderTransport`` over a DeviceIO ``DescriptorLink``: a tty, a pty master, or a socket.
///
/// The link does the I/O on its own queue; this type only turns its ``DeviceIOError``s into the
/// ``ReaderError``s that sessions act on (the codes map one to one).
final class DescriptorTransport: ReaderTransport {
    private let link: DescriptorLink

    /// Takes ownership of a descriptor opened with `O_NONBLOCK`.
    /// - Parameters:
    ///   - descriptor: The open descriptor; closed by ``close()`` or when the transport is released.
    ///   - name: A name for logs.
    ///   - isSocket: Whether the descriptor is a socket (written with `send(MSG_NOSIGNAL)`).
    ///   - queue: The queue for the blocking calls; a new serial queue by default.
    init(descriptor: CInt, name: String, isSocket: Bool = false, queue: DispatchQueue? = nil) {
        link = DescriptorLink(descriptor: descriptor, name: name, isSocket: isSocket, queue: queue)
    }

    /// Runs a blocking body on a queue (see ``DescriptorLink/run(on:_:)``), with its error as a ``ReaderError``.
    static func run<T: Sendable>(
        on queue: DispatchQueue,
        _ body: @escaping @Sendable (CancellationFlag) throws(DeviceIOError) -> T
    ) async throws(ReaderError) -> T {
        do {
            return try await DescriptorLink.run(on: queue, body)
        } catch {
            throw ReaderError(error)
        }
    }

    var name: String { link.name }

    func write(_ bytes: [UInt8], timeout: Duration) async throws {
        do {
            try await link.write(bytes, timeout: timeout)
        } catch {
            throw ReaderError(error)
        }
    }

    func read(maximumCount: Int, timeout: Duration) async throws -> [UInt8] {
        do {
            return try await link.read(maximumCount: maximumCount, timeout: timeout)
        } catch {
            throw ReaderError(error)
        }
    }

    func close() async {
        await link.close()
    }
}

extension ReaderError {
    /// The reader error with the same code as a link error, which it keeps as ``underlying``.
    init(_ error: DeviceIOError) {
        let code: Code =
            switch error.code {
            case .disconnected: .disconnected
            case .timeout: .timeout
            case .openFailed: .openFailed
            case .cancelled: .cancelled
            default: .ioFailed
            }
        self.init(code, error.context, underlying: error, file: error.file, line: error.line)
    }
}
