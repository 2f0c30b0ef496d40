// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Dispatch
import Glibc
import Synchronization

/// A ``ReaderTransport`` over a non-blocking file descriptor: a tty, a pty master, or a socket.
///
/// Threading: every system call (`poll`, `read`, `write`, `close`) runs on a serial `DispatchQueue` owned by
/// this transport, never on Swift's cooperative pool; the async methods suspend on a continuation until the
/// queue is done. A call blocks its queue for at most the timeout it was given, and `poll` runs in slices
/// of ``pollSlice`` so a cancelled task or a ``close()`` is noticed within one slice.
final class DescriptorTransport: ReaderTransport, @unchecked Sendable {
    // @unchecked Sendable: `descriptor` is only touched on `queue` (and in `deinit`, when no call can
    // be running); `closing` is atomic; everything else is immutable.
    let name: String
    private let queue: DispatchQueue
    private var descriptor: CInt
    private let isSocket: Bool
    private let closing = Atomic<Bool>(false)
    /// The longest a single `poll` waits before checking for cancellation and closing.
    static let pollSlice: Duration = .milliseconds(50)

    /// Takes ownership of a descriptor opened with `O_NONBLOCK`.
    /// - Parameters:
    ///   - descriptor: The open descriptor; closed by ``close()`` or when the transport is released.
    ///   - name: A name for logs.
    ///   - isSocket: Whether to write with `send(MSG_NOSIGNAL)` so a closed peer gives `EPIPE`, not `SIGPIPE`.
    ///   - queue: The queue for the blocking calls; a new serial queue by default.
    init(descriptor: CInt, name: String, isSocket: Bool = false, queue: DispatchQueue? = nil) {
        self.descriptor = descriptor
        self.name = name
        self.isSocket = isSocket
        self.queue = queue ?? DispatchQueue(label: "kioskd.reader.transport")
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }

    /// Runs a blocking body on a queue and resumes the caller with its result.
    static func run<T: Sendable>(
        on queue: DispatchQueue,
        _ body: @escaping @Sendable (CancellationFlag) throws -> T
    ) async throws -> T {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                queue.async { continuation.resume(with: Result { try body(flag) }) }
            }
        } onCancel: {
            flag.cancel()
        }
    }

    func write(_ bytes: [UInt8], timeout: Duration) async throws {
        try await Self.run(on: queue) { flag in try self.blockingWrite(bytes, timeout: timeout, flag: flag) }
    }

    func read(maximumCount: Int, timeout: Duration) async throws -> [UInt8] {
        try await Self.run(on: queue) { flag in
            try self.blockingRead(maximumCount: max(1, maximumCount), timeout: timeout, flag: flag)
        }
    }

    func close() async {
        closing.store(true, ordering: .sequentiallyConsistent)
        _ = try? await Self.run(on: queue) { _ in
            if self.descriptor >= 0 {
                _ = Glibc.close(self.descriptor)
                self.descriptor = -1
            }
        }
    }

    // MARK: On the queue

    private func openDescriptor(_ flag: CancellationFlag) throws -> CInt {
        guard !flag.isCancelled else { throw ReaderError(.cancelled, name) }
        guard descriptor >= 0, !closing.load(ordering: .sequentiallyConsistent) else {
            throw ReaderError(.disconnected, "\(name): closed")
        }
        return descriptor
    }

    /// Waits for `events` on the descriptor until the deadline; returns the events seen, 0 on timeout.
    private func wait(for events: CInt, until deadline: ContinuousClock.Instant, flag: CancellationFlag)
        throws -> CInt
    {
        while true {
            let fd = try openDescriptor(flag)
            let remaining = deadline - .now
            let slice = min(max(remaining, .zero), Self.pollSlice)
            var entry = pollfd(fd: fd, events: Int16(events), revents: 0)
            let result = poll(&entry, 1, CInt(slice.milliseconds))
            if result < 0 {
                let error = errno
                if error == EINTR { continue }
                throw Self.error(errno: error, name: name, call: "poll")
            }
            if result > 0 { return CInt(entry.revents) }
            if remaining <= .zero { return 0 }
        }
    }

    private func blockingRead(maximumCount: Int, timeout: Duration, flag: CancellationFlag) throws -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let revents = try wait(for: CInt(POLLIN), until: deadline, flag: flag)
            if revents == 0 { return [] }
            if revents & CInt(POLLNVAL) != 0 { throw ReaderError(.disconnected, "\(name): descriptor invalid") }
            // Read even on POLLHUP: bytes sent before a hang-up are still delivered.
            var buffer = [UInt8](repeating: 0, count: maximumCount)
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, maximumCount) }
            if count > 0 { return Array(buffer[..<count]) }
            if count == 0 { throw ReaderError(.disconnected, "\(name): end of file") }
            let error = errno
            if error == EAGAIN || error == EWOULDBLOCK || error == EINTR {
                if revents & CInt(POLLHUP | POLLERR) != 0 {
                    throw ReaderError(.disconnected, "\(name): hung up")
                }
                continue
            }
            throw Self.error(errno: error, name: name, call: "read")
        }
    }

    private func blockingWrite(_ bytes: [UInt8], timeout: Duration, flag: CancellationFlag) throws {
        let deadline = ContinuousClock.now + timeout
        var written = 0
        while written < bytes.count {
            let revents = try wait(for: CInt(POLLOUT), until: deadline, flag: flag)
            if revents == 0 {
                throw ReaderError(.timeout, "\(name): write, \(written) of \(bytes.count) bytes sent")
            }
            if revents & CInt(POLLHUP | POLLERR | POLLNVAL) != 0, revents & CInt(POLLOUT) == 0 {
                throw ReaderError(.disconnected, "\(name): hung up")
            }
            let count = bytes[written...].withUnsafeBytes { chunk in
                isSocket
                    ? send(descriptor, chunk.baseAddress, chunk.count, CInt(MSG_NOSIGNAL))
                    : Glibc.write(descriptor, chunk.baseAddress, chunk.count)
            }
            if count >= 0 {
                written += count
                continue
            }
            let error = errno
            if error == EAGAIN || error == EWOULDBLOCK || error == EINTR { continue }
            throw Self.error(errno: error, name: name, call: "write")
        }
    }

    /// Maps an `errno` from a call on an open link: the unplug family becomes ``ReaderError/Code/disconnected``.
    static func error(errno error: CInt, name: String, call: String) -> ReaderError {
        switch error {
        case EIO, ENXIO, ENODEV, EPIPE, ECONNRESET, EBADF, ENOTCONN:
            ReaderError(.disconnected, "\(name): \(call): errno \(error)")
        default:
            ReaderError(.ioFailed, "\(name): \(call): errno \(error)")
        }
    }
}

/// Set by a task's cancellation handler, polled by a blocking loop on a transport's queue.
final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    /// Marks the operation cancelled.
    func cancel() { cancelled.store(true, ordering: .sequentiallyConsistent) }

    /// Whether the operation was cancelled.
    var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }
}

extension Duration {
    /// Whole milliseconds, rounded up so a short positive wait never becomes a busy poll.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
