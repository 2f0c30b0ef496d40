// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Dispatch
import Glibc
import Synchronization

/// A byte link over a non-blocking file descriptor: a tty, a pty master, a usblp device, or a socket.
///
/// Threading: every system call (`poll`, `read`, `write`, `close`) runs on a serial `DispatchQueue` owned by
/// this link, never on Swift's cooperative pool; the async methods suspend on a continuation until the
/// queue is done. A call blocks its queue for at most the timeout it was given, and `poll` runs in slices
/// of ``pollSlice`` so a cancelled task or a ``close()`` is noticed within one slice.
public final class DescriptorLink: @unchecked Sendable {
    // @unchecked Sendable: `descriptor` is only touched on `queue` (and in `deinit`, when no call can
    // be running); `closing` is atomic; everything else is immutable.
    /// A name for logs: a device path or `in-process`. Never data.
    public let name: String
    private let queue: DispatchQueue
    private var descriptor: CInt
    private let isSocket: Bool
    private let closing = Atomic<Bool>(false)
    /// The longest a single `poll` waits before checking for cancellation and closing.
    public static let pollSlice: Duration = .milliseconds(50)

    /// Takes ownership of a descriptor opened with `O_NONBLOCK`.
    /// - Parameters:
    ///   - descriptor: The open descriptor; closed by ``close()`` or when the link is released.
    ///   - name: A name for logs.
    ///   - isSocket: Whether to write with `send(MSG_NOSIGNAL)` so a closed peer gives `EPIPE`, not `SIGPIPE`.
    ///   - queue: The queue for the blocking calls; a new serial queue by default.
    public init(descriptor: CInt, name: String, isSocket: Bool = false, queue: DispatchQueue? = nil) {
        self.descriptor = descriptor
        self.name = name
        self.isSocket = isSocket
        self.queue = queue ?? DispatchQueue(label: "kioskd.device.link")
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }

    /// Runs a blocking body on a queue and resumes the caller with its result.
    ///
    /// The caller suspends; the body runs on `queue`, never on Swift's cooperative pool. Cancelling the
    /// calling task sets the body's ``CancellationFlag``, which a blocking loop checks between waits.
    /// - Parameters:
    ///   - queue: The queue that runs the body.
    ///   - body: The blocking work.
    /// - Returns: The body's result.
    /// - Throws: What the body throws.
    public static func run<T: Sendable, Failure: Error>(
        on queue: DispatchQueue,
        _ body: @escaping @Sendable (CancellationFlag) throws(Failure) -> T
    ) async throws(Failure) -> T {
        let flag = CancellationFlag()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, Failure>, Never>) in
                queue.async {
                    continuation.resume(returning: Result { () throws(Failure) -> T in try body(flag) })
                }
            }
        } onCancel: {
            flag.cancel()
        }
        return try result.get()
    }

    /// Writes all the bytes.
    /// - Parameters:
    ///   - bytes: The bytes to send.
    ///   - timeout: How long the link may stay unable to take more bytes.
    /// - Throws: ``DeviceIOError`` (``DeviceIOError/Code/disconnected``, ``DeviceIOError/Code/timeout``,
    ///   ``DeviceIOError/Code/cancelled``, ``DeviceIOError/Code/ioFailed``).
    public func write(_ bytes: [UInt8], timeout: Duration) async throws(DeviceIOError) {
        try await Self.run(on: queue) { flag throws(DeviceIOError) in
            try self.blockingWrite(bytes, timeout: timeout, flag: flag)
        }
    }

    /// Reads the bytes available, waiting up to `timeout` for the first ones.
    /// - Parameters:
    ///   - maximumCount: The most bytes to return.
    ///   - timeout: How long to wait when nothing is available.
    /// - Returns: At least one byte, or an empty array when the timeout passed with nothing to read.
    /// - Throws: ``DeviceIOError`` (``DeviceIOError/Code/disconnected``, ``DeviceIOError/Code/cancelled``,
    ///   ``DeviceIOError/Code/ioFailed``).
    public func read(maximumCount: Int, timeout: Duration) async throws(DeviceIOError) -> [UInt8] {
        try await Self.run(on: queue) { flag throws(DeviceIOError) in
            try self.blockingRead(maximumCount: max(1, maximumCount), timeout: timeout, flag: flag)
        }
    }

    /// Closes the descriptor. Later reads and writes throw ``DeviceIOError/Code/disconnected``; closing twice
    /// is harmless.
    public func close() async {
        closing.store(true, ordering: .sequentiallyConsistent)
        _ = try? await Self.run(on: queue) { _ throws(DeviceIOError) in
            if self.descriptor >= 0 {
                _ = Glibc.close(self.descriptor)
                self.descriptor = -1
            }
        }
    }

    // MARK: On the queue

    private func openDescriptor(_ flag: CancellationFlag) throws(DeviceIOError) -> CInt {
        guard !flag.isCancelled else { throw DeviceIOError(.cancelled, name) }
        guard descriptor >= 0, !closing.load(ordering: .sequentiallyConsistent) else {
            throw DeviceIOError(.disconnected, "\(name): closed")
        }
        return descriptor
    }

    /// Waits for `events` on the descriptor until the deadline; returns the events seen, 0 on timeout.
    private func wait(for events: CInt, until deadline: ContinuousClock.Instant, flag: CancellationFlag)
        throws(DeviceIOError) -> CInt
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

    private func blockingRead(maximumCount: Int, timeout: Duration, flag: CancellationFlag) throws(DeviceIOError) -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let revents = try wait(for: CInt(POLLIN), until: deadline, flag: flag)
            if revents == 0 { return [] }
            if revents & CInt(POLLNVAL) != 0 { throw DeviceIOError(.disconnected, "\(name): descriptor invalid") }
            // Read even on POLLHUP: bytes sent before a hang-up are still delivered.
            var buffer = [UInt8](repeating: 0, count: maximumCount)
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, maximumCount) }
            if count > 0 { return Array(buffer[..<count]) }
            if count == 0 { throw DeviceIOError(.disconnected, "\(name): end of file") }
            let error = errno
            if error == EAGAIN || error == EWOULDBLOCK || error == EINTR {
                if revents & CInt(POLLHUP | POLLERR) != 0 {
                    throw DeviceIOError(.disconnected, "\(name): hung up")
                }
                continue
            }
            throw Self.error(errno: error, name: name, call: "read")
        }
    }

    private func blockingWrite(_ bytes: [UInt8], timeout: Duration, flag: CancellationFlag) throws(DeviceIOError) {
        let deadline = ContinuousClock.now + timeout
        var written = 0
        while written < bytes.count {
            let revents = try wait(for: CInt(POLLOUT), until: deadline, flag: flag)
            if revents == 0 {
                throw DeviceIOError(.timeout, "\(name): write, \(written) of \(bytes.count) bytes sent")
            }
            if revents & CInt(POLLHUP | POLLERR | POLLNVAL) != 0, revents & CInt(POLLOUT) == 0 {
                throw DeviceIOError(.disconnected, "\(name): hung up")
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

    /// Maps an `errno` from a call on an open link: the unplug family becomes ``DeviceIOError/Code/disconnected``.
    /// - Parameters:
    ///   - error: The `errno` value.
    ///   - name: The link's name, for the context.
    ///   - call: The system call that failed.
    /// - Returns: The error.
    public static func error(errno error: CInt, name: String, call: String) -> DeviceIOError {
        switch error {
        case EIO, ENXIO, ENODEV, EPIPE, ECONNRESET, EBADF, ENOTCONN:
            DeviceIOError(.disconnected, "\(name): \(call): errno \(error)")
        default:
            DeviceIOError(.ioFailed, "\(name): \(call): errno \(error)")
        }
    }
}

/// Set by a task's cancellation handler, polled by a blocking loop on a link's queue.
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    /// Creates a flag that is not set.
    public init() {}

    /// Marks the operation cancelled.
    public func cancel() { cancelled.store(true, ordering: .sequentiallyConsistent) }

    /// Whether the operation was cancelled.
    public var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }
}

extension Duration {
    /// Whole milliseconds, rounded up so a short positive wait never becomes a busy poll (`poll`, libusb).
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
