// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUMockdev
import Glibc
import Reader
import Synchronization

/// A GA 467 reader on an emulated usbdevfs: a umockdev testbed holds the device in a fake sysfs and answers
/// the usbdevfs ioctls libusb makes on `/dev/bus/usb/001/002`, with bytes from an in-process
/// ``ReaderEmulator``.
///
/// What the host sends on OUT URBs goes to the emulator in arrival order; what the emulator answers is cut
/// by a ``USBFrameSplitter`` (split scheme: headers to the header IN endpoint, bodies to the body IN
/// endpoint; single: all to the one IN endpoint) and completes IN URBs as it arrives. An IN URB with nothing
/// to deliver stays pending, as a NAKing device's does, until data comes or libusb discards it on a timeout.
/// After ``unplug()`` every ioctl fails with `ENODEV`, as the kernel's usbfs does for a gone device, and
/// the device leaves the fake sysfs with a `remove` uevent.
///
/// The ioctl handler runs on umockdev's worker thread; all state is behind one mutex.
final class EmulatedUSBReader: @unchecked Sendable {
    // @unchecked Sendable: the testbed and handler pointers are set once and umockdev's calls on them are
    // thread-safe; the URB bookkeeping is in `state`, behind a mutex.
    let descriptors: USBDescriptorSet
    let emulator: ReaderEmulator
    /// The sysfs path of the device inside the testbed.
    let sysfsPath = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1"
    /// The device node libusb opens.
    let node = "/dev/bus/usb/001/002"
    /// Set to unplug the device when the host sends the read text-and-photo command.
    let unplugsOnRead: Bool

    private let testbed: UnsafeMutablePointer<UMockdevTestbed>
    private let handler: UnsafeMutablePointer<UMockdevIoctlBase>
    private let state = Mutex(State())
    private let trace = ProcessInfo.processInfo.environment["KIOSKD_RIG_TRACE"] != nil
    private let outbound: AsyncStream<[UInt8]>
    private let outboundContinuation: AsyncStream<[UInt8]>.Continuation

    /// URBs as pointer bit patterns, so the state can sit in a mutex.
    private struct PendingURB {
        var urb: UInt
        var buffer: UInt
        var endpoint: UInt8
        var length: Int
    }

    private struct State {
        var queues: [UInt8: [UInt8]] = [:]
        var pending: [PendingURB] = []
        var completed: [UInt] = []
        var unplugged = false
        var splitter = USBFrameSplitter()
    }

    /// usbdevfs ioctl request numbers (`linux/usbdevice_fs.h`, x86-64 and aarch64); the `_IOR`/`_IOW`
    /// macros do not import into Swift.
    private enum Request {
        static let submitURB: UInt = 0x8038_550A
        static let discardURB: UInt = 0x550B
        static let reapURB: UInt = 0x4008_550C
        static let reapURBNoDelay: UInt = 0x4008_550D
        static let claimInterface: UInt = 0x8004_550F
        static let releaseInterface: UInt = 0x8004_5510
        static let getDriver: UInt = 0x4104_5508
        static let setInterface: UInt = 0x8008_5504
        static let clearHalt: UInt = 0x8004_5515
        static let reset: UInt = 0x5514
        static let resetEndpoint: UInt = 0x8004_5503
    }

    /// Offsets in `struct usbdevfs_urb` (56 bytes on 64-bit Linux).
    private enum URB {
        static let size = 56
        static let status = 4
        static let endpoint = 1
        static let buffer = 16
        static let bufferLength = 24
        static let actualLength = 28
    }

    /// Creates the testbed (empty: call ``plug()``).
    init(descriptors: USBDescriptorSet, emulator: ReaderEmulator, unplugsOnRead: Bool) {
        self.descriptors = descriptors
        self.emulator = emulator
        self.unplugsOnRead = unplugsOnRead
        testbed = umockdev_testbed_new()
        handler = umockdev_ioctl_base_new()
        (outbound, outboundContinuation) = AsyncStream.makeStream()
        let callback: @convention(c) (
            UnsafeMutablePointer<UMockdevIoctlBase>?, UnsafeMutablePointer<UMockdevIoctlClient>?, gpointer?
        ) -> gboolean = { _, client, user in
            guard let client, let user else { return 0 }
            return Unmanaged<EmulatedUSBReader>.fromOpaque(user).takeUnretainedValue().handle(client) ? 1 : 0
        }
        g_signal_connect_data(
            handler, "handle-ioctl", unsafeBitCast(callback, to: GCallback.self),
            Unmanaged.passUnretained(self).toOpaque(), nil, GConnectFlags(rawValue: 0))
    }

    /// The testbed's root, for `UMOCKDEV_DIR` in other processes.
    var rootDirectory: String {
        guard let root = umockdev_testbed_get_root_dir(testbed) else { return "" }
        defer { g_free(root) }
        return String(cString: root)
    }

    /// Puts the device on the emulated bus, with its ioctl handler, and announces it (`add` uevent).
    func plug() {
        state.withLock { $0 = State() }
        var error: UnsafeMutablePointer<GError>?
        umockdev_testbed_attach_ioctl(testbed, node, handler, &error)
        let hex = descriptors.descriptors.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let record = """
            P: \(sysfsPath.dropFirst(4))
            N: \(node.dropFirst(5))
            E: SUBSYSTEM=usb
            E: DEVTYPE=usb_device
            E: DRIVER=usb
            E: BUSNUM=001
            E: DEVNUM=002
            E: DEVNAME=\(node)
            E: ID_VENDOR_ID=\(descriptors.vendorHex)
            E: ID_MODEL_ID=\(descriptors.productHex)
            A: busnum=1\\n
            A: devnum=2\\n
            A: speed=12\\n
            A: bConfigurationValue=1\\n
            A: idVendor=\(descriptors.vendorHex)\\n
            A: idProduct=\(descriptors.productHex)\\n
            H: descriptors=\(hex)

            """
        umockdev_testbed_add_from_string(testbed, record, &error)
        if let error {
            FileHandle.standardError.write(text: "umockdev: \(String(cString: error.pointee.message))\n")
            g_error_free(error)
        }
        umockdev_testbed_uevent(testbed, sysfsPath, "add")
    }

    /// Unplugs the device: ioctls fail with `ENODEV` from now on, and it leaves sysfs (`remove` uevent).
    func unplug() {
        let wasPlugged = state.withLock { state in
            defer { state.unplugged = true }
            // As the kernel does: URBs in flight complete with -ESHUTDOWN and can still be reaped.
            for pending in state.pending {
                if let urb = UnsafeMutablePointer<UMockdevIoctlData>(bitPattern: pending.urb) {
                    finish(urb, actualLength: 0, status: -ESHUTDOWN)
                    state.completed.append(pending.urb)
                }
            }
            state.pending = []
            return !state.unplugged
        }
        guard wasPlugged else { return }
        umockdev_testbed_uevent(testbed, sysfsPath, "remove")
        umockdev_testbed_remove_device(testbed, sysfsPath)
    }

    /// Moves bytes between the emulator and the URBs until the task is cancelled.
    func run() async {
        let (host, device) = try! ReaderEmulator.connectedPair()
        await withTaskGroup(of: Void.self) { group in
            group.addTask(executorPreference: self.emulator.executor) { await self.emulator.serve(device) }
            group.addTask {
                for await bytes in self.outbound {
                    guard (try? await host.write(bytes, timeout: .seconds(2))) != nil else { return }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    guard let bytes = try? await host.read(maximumCount: 4096, timeout: .milliseconds(250)) else { return }
                    if !bytes.isEmpty { self.deliver(bytes) }
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Ends ``run()``.
    func finish() {
        outboundContinuation.finish()
    }

    // MARK: The device side

    /// Queues what the emulator answered for the IN endpoints and completes waiting URBs.
    private func deliver(_ bytes: [UInt8]) {
        state.withLock { state in
            if descriptors.scheme == "split" {
                for piece in state.splitter.feed(bytes) {
                    switch piece {
                    case .header(let header): state.queues[descriptors.inHeader, default: []] += header
                    case .body(let body): state.queues[descriptors.inBody, default: []] += body
                    }
                }
            } else {
                state.queues[descriptors.inHeader, default: []] += bytes
            }
            var waiting: [PendingURB] = []
            for urb in state.pending {
                if !fill(urb, from: &state) { waiting.append(urb) }
            }
            state.pending = waiting
        }
    }

    /// Completes an IN URB with queued bytes; false when there are none.
    private func fill(_ pending: PendingURB, from state: inout State) -> Bool {
        guard let queued = state.queues[pending.endpoint], !queued.isEmpty,
            let buffer = UnsafeMutablePointer<UMockdevIoctlData>(bitPattern: pending.buffer),
            let urb = UnsafeMutablePointer<UMockdevIoctlData>(bitPattern: pending.urb)
        else { return false }
        var bytes = Array(queued.prefix(pending.length))
        if trace { FileHandle.standardError.write(Data("fill \(String(pending.endpoint, radix: 16)) \(bytes.count)\n".utf8)) }
        state.queues[pending.endpoint] = Array(queued.dropFirst(bytes.count))
        umockdev_ioctl_data_update(buffer, 0, &bytes, gint(bytes.count))
        finish(urb, actualLength: bytes.count, status: 0)
        state.completed.append(pending.urb)
        return true
    }

    private func finish(_ urb: UnsafeMutablePointer<UMockdevIoctlData>, actualLength: Int, status: Int32) {
        var length = Int32(actualLength)
        var code = status
        withUnsafeMutableBytes(of: &length) { umockdev_ioctl_data_update(urb, gsize(URB.actualLength), $0.baseAddress!.assumingMemoryBound(to: UInt8.self), 4) }
        withUnsafeMutableBytes(of: &code) { umockdev_ioctl_data_update(urb, gsize(URB.status), $0.baseAddress!.assumingMemoryBound(to: UInt8.self), 4) }
    }

    /// Answers one ioctl on the device node; true when handled.
    private func handle(_ client: UnsafeMutablePointer<UMockdevIoctlClient>) -> Bool {
        let request = UInt(umockdev_ioctl_client_get_request(client))
        guard let argument = umockdev_ioctl_client_get_arg(client) else { return false }
        let isReap = request == Request.reapURB || request == Request.reapURBNoDelay
        if state.withLock({ $0.unplugged && !(isReap && !$0.completed.isEmpty) }) {
            umockdev_ioctl_client_complete(client, -1, ENODEV)
            return true
        }
        switch request {
        case Request.submitURB:
            guard let urb = umockdev_ioctl_data_resolve(argument, 0, gsize(URB.size), nil) else {
                umockdev_ioctl_client_complete(client, -1, EFAULT)
                return true
            }
            let raw = UnsafeRawPointer(urb.pointee.data!)
            let endpoint = raw.load(fromByteOffset: URB.endpoint, as: UInt8.self)
            let length = Int(raw.load(fromByteOffset: URB.bufferLength, as: Int32.self))
            guard let buffer = umockdev_ioctl_data_resolve(urb, gsize(URB.buffer), gsize(length), nil) else {
                umockdev_ioctl_client_complete(client, -1, EFAULT)
                return true
            }
            if trace { FileHandle.standardError.write(Data("submit \(String(endpoint, radix: 16)) \(length)\n".utf8)) }
            if endpoint & 0x80 == 0 {
                let bytes = Array(UnsafeRawBufferPointer(start: buffer.pointee.data, count: length))
                finish(urb, actualLength: length, status: 0)
                state.withLock { $0.completed.append(UInt(bitPattern: urb)) }
                let readsCard = bytes.starts(with: [0x30, 0x01]) || (bytes.count > 8 && bytes[7] == 0x30 && bytes[8] == 0x01)
                if unplugsOnRead, readsCard {
                    umockdev_ioctl_client_complete(client, 0, 0)
                    unplug()
                    return true
                }
                if bytes.starts(with: [0xAA, 0xAA, 0xAA, 0x96, 0x69]) {
                    // A new command: the device starts a new answer, whatever was left of the last one.
                    state.withLock { $0.splitter.reset() }
                }
                outboundContinuation.yield(bytes)
            } else {
                let pending = PendingURB(
                    urb: UInt(bitPattern: urb), buffer: UInt(bitPattern: buffer), endpoint: endpoint, length: length)
                state.withLock { state in
                    if !fill(pending, from: &state) { state.pending.append(pending) }
                }
            }
            umockdev_ioctl_client_complete(client, 0, 0)
        case Request.reapURB, Request.reapURBNoDelay:
            let next = state.withLock { $0.completed.isEmpty ? nil : $0.completed.removeFirst() }
            guard let next, let urb = UnsafeMutablePointer<UMockdevIoctlData>(bitPattern: next),
                let slot = umockdev_ioctl_data_resolve(argument, 0, gsize(MemoryLayout<UInt>.size), nil)
            else {
                // libusb polls the node for POLLOUT, which umockdev's socket always signals, so it reaps in a
                // loop; a short pause here keeps that loop from eating the CPU the emulator needs.
                usleep(2000)
                umockdev_ioctl_client_complete(client, -1, EAGAIN)
                return true
            }
            umockdev_ioctl_data_set_ptr(slot, 0, urb)
            g_object_unref(slot)
            umockdev_ioctl_client_complete(client, 0, 0)
        case Request.discardURB:
            let address = UnsafeRawPointer(argument.pointee.data!).load(as: UInt.self)
            let found = state.withLock { state -> Bool in
                guard
                    let index = state.pending.firstIndex(where: {
                        UnsafeMutablePointer<UMockdevIoctlData>(bitPattern: $0.urb)?.pointee.client_addr == address
                    })
                else { return false }
                let pending = state.pending.remove(at: index)
                if let urb = UnsafeMutablePointer<UMockdevIoctlData>(bitPattern: pending.urb) {
                    finish(urb, actualLength: 0, status: -ENOENT)
                }
                state.completed.append(pending.urb)
                return true
            }
            if trace { FileHandle.standardError.write(Data("discard \(found)\n".utf8)) }
            umockdev_ioctl_client_complete(client, found ? 0 : -1, found ? 0 : EINVAL)
        case Request.claimInterface, Request.releaseInterface, Request.setInterface, Request.clearHalt, Request.reset,
            Request.resetEndpoint:
            umockdev_ioctl_client_complete(client, 0, 0)
        case Request.getDriver:
            umockdev_ioctl_client_complete(client, -1, ENODATA)
        default:
            umockdev_ioctl_client_complete(client, -1, ENOTTY)
        }
        return true
    }
}

import Foundation
