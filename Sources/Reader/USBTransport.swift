// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceIO
import Dispatch
public import DeviceCatalog
import Synchronization

/// A ``ReaderTransport`` over libusb: a reader on a vendor-specific USB interface (devices/*.toml with a
/// `scheme`), such as the SAM USB module 0400:c35a.
///
/// Opening finds the device by bus number and address, detaches a kernel driver bound to the interface,
/// claims it, and checks the device file's endpoints against the device's descriptors
/// (``USBEndpointPlan``). Bytes then move by the file's scheme, bulk or interrupt as the endpoints are:
/// - `split`: each frame's header (preamble and length) goes on `out_header` and the rest on `out_body`;
///   an answer's header is read from `in_header`, then exactly the bytes its length counts from `in_body`;
/// - `single`: a written frame goes whole on the OUT endpoint; the answer is read in packets from the IN
///   endpoint until the length its header gives has arrived.
///
/// The byte-stream contract of ``ReaderTransport`` maps onto this so ``ReaderSession`` works unchanged:
/// ``write(_:timeout:)`` cuts what it is given into frames (``USBFrameSplitter``), and
/// ``read(maximumCount:timeout:)`` returns what the next transfer of the answer brings. A read with a zero
/// timeout (a session draining stale input) makes no transfer unless an answer is still owed, then a short one.
///
/// Threading: every libusb call runs on a serial `DispatchQueue` this transport owns, never on Swift's
/// cooperative pool; callers suspend on a continuation. Each transfer waits at most ``slice``, so a
/// cancelled task or ``close()`` is noticed within one slice. `LIBUSB_ERROR_NO_DEVICE` (unplugged) is
/// ``ReaderError/Code/disconnected``; other libusb errors are ``ReaderError/Code/ioFailed`` (or
/// ``ReaderError/Code/openFailed`` at open) naming the libusb error.
public final class USBTransport: ReaderTransport, @unchecked Sendable {
    // @unchecked Sendable: `handle`, the splitters, `received` and `awaitingAnswer` are only touched on
    // `queue`; `closing` is atomic; everything else is immutable.

    /// `usb 0400:c35a bus 1 address 7`.
    public let name: String
    /// The device.
    public let device: USBAttachedDevice
    /// The interface and endpoints in use.
    public let plan: USBEndpointPlan
    /// The longest one libusb transfer waits before cancellation and closing are checked again.
    public static let slice: Duration = .milliseconds(100)
    /// The longest transfer requested at once.
    static let largestTransfer = 4096

    private let queue: DispatchQueue
    private let handle: USBDeviceHandle
    private var outgoing = USBFrameSplitter()
    private var incoming = USBFrameSplitter()
    private var received: [UInt8] = []
    private var awaitingAnswer = false
    private let closing = Atomic<Bool>(false)

    /// Opens and claims a reader.
    /// - Parameters:
    ///   - device: The device as listed (``USBReaderWatcher``, ``USBTransport/attachedDevices()``).
    ///   - interface: How its frames travel, from its device file.
    /// - Throws: ``ReaderError``: ``ReaderError/Code/openFailed`` (libusb unavailable, no permission, busy,
    ///   endpoints that do not match the file), ``ReaderError/Code/disconnected`` (gone),
    ///   ``ReaderError/Code/cancelled``.
    public init(device: USBAttachedDevice, interface: USBInterfaceDescription) async throws {
        let queue = DispatchQueue(label: "kioskd.reader.usb")
        let (handle, plan) = try await DescriptorLink.run(on: queue) { _ throws(ReaderError) in
            let context = try USBContext.shared.get()
            return try USBDeviceHandle.open(device, context: context) { interfaces throws(ReaderError) in
                try USBEndpointPlan.resolve(interface, interfaces: interfaces)
            }
        }
        self.queue = queue
        self.handle = handle
        self.plan = plan
        self.device = device
        name = device.description
    }

    /// Whether libusb started in this process, or why not (e.g. no usbfs in a container).
    public static var libUSB: Result<Void, ReaderError> { USBContext.shared.map { _ in () } }

    /// The USB devices on the bus now, through the process's libusb context.
    /// - Returns: The devices in bus and address order.
    /// - Throws: ``ReaderError/Code/openFailed`` when libusb cannot start.
    public static func attachedDevices() async throws -> [USBAttachedDevice] {
        try await DescriptorLink.run(on: DispatchQueue(label: "kioskd.reader.usb.list")) { _ throws(ReaderError) in try USBContext.shared.get().devices() }
    }

    /// Sends the frames in `bytes`; see ``ReaderTransport/write(_:timeout:)``.
    /// - Parameters:
    ///   - bytes: Whole frames (a session writes one command at a time).
    ///   - timeout: How long the device may refuse the bytes.
    /// - Throws: ``ReaderError``.
    public func write(_ bytes: [UInt8], timeout: Duration) async throws {
        try await DescriptorLink.run(on: queue) { flag throws(ReaderError) in try self.blockingWrite(bytes, timeout: timeout, flag: flag) }
    }

    /// Reads the next bytes of the answer; see ``ReaderTransport/read(maximumCount:timeout:)``.
    /// - Parameters:
    ///   - maximumCount: The most bytes to return; the rest is kept for the next read.
    ///   - timeout: How long to wait when nothing has arrived.
    /// - Returns: At least one byte, or none when the timeout passed.
    /// - Throws: ``ReaderError``.
    public func read(maximumCount: Int, timeout: Duration) async throws -> [UInt8] {
        try await DescriptorLink.run(on: queue) { flag throws(ReaderError) in
            try self.blockingRead(maximumCount: max(1, maximumCount), timeout: timeout, flag: flag)
        }
    }

    /// Releases the interface and closes the device; later calls throw ``ReaderError/Code/disconnected``.
    public func close() async {
        closing.store(true, ordering: .sequentiallyConsistent)
        await DescriptorLink.run(on: queue) { _ in self.handle.close() }
    }

    // MARK: On the queue

    private func checkOpen(_ flag: CancellationFlag) throws(ReaderError) {
        guard !flag.isCancelled else { throw ReaderError(.cancelled, name) }
        guard !closing.load(ordering: .sequentiallyConsistent) else { throw ReaderError(.disconnected, "\(name): closed") }
    }

    private func blockingWrite(_ bytes: [UInt8], timeout: Duration, flag: CancellationFlag) throws(ReaderError) {
        try checkOpen(flag)
        let deadline = ContinuousClock.now + timeout
        let pieces = outgoing.feed(bytes)
        if pieces.contains(where: { if case .header = $0 { true } else { false } }) {
            // A new command: whatever is left of an earlier answer will not be read.
            incoming.reset()
            awaitingAnswer = true
        }
        switch plan.layout {
        case let .split(outHeader, outBody, _, _):
            for piece in pieces {
                switch piece {
                case .header(let header): try send(header, on: outHeader, until: deadline, flag: flag)
                case .body(let body): try send(body, on: outBody, until: deadline, flag: flag)
                }
            }
        case let .single(out, _):
            try send(bytes, on: out, until: deadline, flag: flag)
        }
    }

    private func send(_ bytes: [UInt8], on endpoint: USBEndpoint, until deadline: ContinuousClock.Instant, flag: CancellationFlag)
        throws(ReaderError)
    {
        var sent = 0
        var bytes = bytes
        while sent < bytes.count {
            try checkOpen(flag)
            let wait = min(max(deadline - .now, .zero), Self.slice)
            let (count, status) = bytes.withUnsafeMutableBytes { buffer in
                handle.transfer(endpoint, UnsafeMutableRawBufferPointer(rebasing: buffer[sent...]), milliseconds: wait.milliseconds)
            }
            sent += count
            switch status {
            case .success: continue
            case .timeout where ContinuousClock.now < deadline: continue
            case .timeout:
                throw ReaderError(.timeout, "\(name): write on \(endpoint), \(sent) of \(bytes.count) bytes sent")
            default:
                throw status.error(.ioFailed, "\(name): write on \(endpoint)")
            }
        }
    }

    private func blockingRead(maximumCount: Int, timeout: Duration, flag: CancellationFlag) throws(ReaderError) -> [UInt8] {
        if !received.isEmpty { return takeReceived(maximumCount) }
        try checkOpen(flag)
        guard timeout > .zero || awaitingAnswer else { return [] }
        let deadline = ContinuousClock.now + max(timeout, .milliseconds(10))
        while true {
            let endpoint = nextEndpoint
            let owed = if case .body(let remaining) = incoming.expectation { remaining } else { 1 }
            let packet = max(1, endpoint.maximumPacketSize)
            let requested = min((owed + packet - 1) / packet * packet, Self.largestTransfer / packet * packet)
            var buffer = [UInt8](repeating: 0, count: max(packet, requested))
            let wait = min(max(deadline - .now, .zero), Self.slice)
            let (count, status) = buffer.withUnsafeMutableBytes { handle.transfer(endpoint, $0, milliseconds: wait.milliseconds) }
            if count > 0 {
                received = Array(buffer[..<count])
                _ = incoming.feed(received)
                if incoming.isBetweenFrames { awaitingAnswer = false }
                return takeReceived(maximumCount)
            }
            switch status {
            case .success, .timeout: break
            default: throw status.error(.ioFailed, "\(name): read on \(endpoint)")
            }
            if ContinuousClock.now >= deadline { return [] }
            try checkOpen(flag)
        }
    }

    /// The IN endpoint the answer continues on.
    private var nextEndpoint: USBEndpoint {
        switch plan.layout {
        case let .split(_, _, inHeader, inBody): if case .body = incoming.expectation { inBody } else { inHeader }
        case let .single(_, `in`): `in`
        }
    }

    private func takeReceived(_ maximumCount: Int) -> [UInt8] {
        let taken = Array(received.prefix(maximumCount))
        received.removeFirst(taken.count)
        return taken
    }
}
