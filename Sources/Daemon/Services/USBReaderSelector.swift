// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Logging
import Reader
import Synchronization

/// Chooses which reader the card service opens, following USB readers as they come and go.
///
/// ``follow(_:)`` consumes a ``USBReaderWatcher``'s events and logs each reader taken or gone (ids, file,
/// connection; never card data). ``open()`` opens the first USB reader present; with none it opens the
/// fallback link (`auto`: a udev serial reader or the emulator) or, with no fallback (`usb`), fails so the
/// ``ReaderService`` tries again after its reconnect interval. When a USB reader arrives while the fallback
/// is open, the fallback link is cut (its next call reports ``ReaderError/Code/disconnected``), so the
/// service reopens and takes the USB reader.
final class USBReaderSelector: Sendable {
    /// The reader used while no USB reader is present (`auto`).
    struct Fallback: Sendable {
        /// What it is, for the log: `emulator` or a tty path.
        var name: String
        /// Whether the link is shared and outlives each use (the in-process emulator's), so closing a use
        /// must not close it.
        var isShared: Bool
        /// Opens it.
        var open: @Sendable () async throws -> any ReaderTransport
    }

    private struct State {
        var readers: [(device: USBAttachedDevice, model: DeviceModel)] = []
        var fallbackLink: CuttableTransport?
    }

    /// The device files, or nil when they (or libusb) are unavailable and no USB reader can be taken.
    let catalogForWatching: DeviceCatalog?
    private let fallback: Fallback?
    private let logger: Logger
    private let state = Mutex(State())

    /// Creates a selector.
    /// - Parameters:
    ///   - catalog: The device files, or nil when no USB reader can be taken.
    ///   - fallback: The reader used while no USB reader is present, or nil to wait for one.
    ///   - logger: For readers taken and gone.
    init(catalog: DeviceCatalog?, fallback: Fallback?, logger: Logger) {
        catalogForWatching = catalog
        self.fallback = fallback
        self.logger = logger
    }

    /// Tracks arrivals and departures until the events end or the task is cancelled.
    func follow(_ events: AsyncStream<USBReaderWatcher.Event>) async {
        for await event in events {
            switch event {
            case let .arrived(device, model):
                var metadata: Logger.Metadata = ["reader.device": "\(device)"]
                if let finding = catalogForWatching?.assess(device.busDevice) {
                    metadata.merge(finding.metadata.mapValues { .string($0) }) { _, new in new }
                    metadata["usb.summary"] = .string(finding.description)
                }
                logger.notice("USB ID-card reader arrived", metadata: metadata)
                let cut = state.withLock { state in
                    state.readers.append((device, model))
                    defer { state.fallbackLink = nil }
                    return state.fallbackLink
                }
                if let cut {
                    logger.notice("Leaving the fallback reader for the USB reader", metadata: ["reader.device": "\(cut.name)"])
                    cut.cut()
                }
            case let .departed(device):
                logger.notice("USB ID-card reader left", metadata: ["reader.device": "\(device)"])
                state.withLock { $0.readers.removeAll { $0.device == device } }
            }
        }
    }

    /// Opens the reader to use now.
    /// - Returns: A USB reader's transport, else the fallback's.
    /// - Throws: ``ReaderError``: the open failure, or ``ReaderError/Code/openFailed`` when no USB reader is
    ///   present and there is no fallback.
    func open() async throws -> any ReaderTransport {
        if let (device, model) = state.withLock({ $0.readers.first }), case .usb(let interface) = model.connection {
            let transport = try await USBTransport(device: device, interface: interface)
            logger.notice(
                "ID-card reader taken",
                metadata: [
                    "reader.device": "\(transport.name)", "device.file": "\(model.fileName)",
                    "reader.reason": "USB reader described in devices/", "device.connection": "\(transport.plan)",
                ])
            return transport
        }
        guard let fallback else { throw ReaderError(.openFailed, "no USB ID-card reader on the bus yet") }
        let link = CuttableTransport(try await fallback.open(), closesLink: !fallback.isShared)
        state.withLock { $0.fallbackLink = link }
        logger.notice(
            "ID-card reader taken",
            metadata: ["reader.device": "\(link.name)", "reader.reason": "no USB reader; \(fallback.name)"])
        return link
    }
}

/// A link the selector can cut: after ``cut()`` every call reports ``ReaderError/Code/disconnected``.
/// Closing it closes the link it wraps unless that link is shared (the in-process emulator's).
final class CuttableTransport: ReaderTransport {
    private let link: any ReaderTransport
    private let closesLink: Bool
    private let isCut = Atomic<Bool>(false)

    init(_ link: any ReaderTransport, closesLink: Bool) {
        self.link = link
        self.closesLink = closesLink
    }

    var name: String { link.name }

    /// Makes every later call report ``ReaderError/Code/disconnected``.
    func cut() { isCut.store(true, ordering: .sequentiallyConsistent) }

    func write(_ bytes: [UInt8], timeout: Duration) async throws {
        try checkCut()
        try await link.write(bytes, timeout: timeout)
    }

    func read(maximumCount: Int, timeout: Duration) async throws -> [UInt8] {
        try checkCut()
        return try await link.read(maximumCount: maximumCount, timeout: timeout)
    }

    func close() async {
        cut()
        if closesLink { await link.close() }
    }

    private func checkCut() throws(ReaderError) {
        if isCut.load(ordering: .sequentiallyConsistent) { throw ReaderError(.disconnected, "\(name): left for a USB reader") }
    }
}
