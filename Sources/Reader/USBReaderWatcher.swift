// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CLibUSB
public import DeviceCatalog
import Foundation
import Synchronization

/// Reports USB ID-card readers arriving on and leaving the bus: devices a catalog model describes as a
/// libusb reader (`kind = "reader"` with a `scheme`).
///
/// Where libusb has hotplug support (`LIBUSB_CAP_HAS_HOTPLUG`, i.e. udev on Linux) a hotplug callback wakes
/// the watcher at once; otherwise it lists the bus every ``pollInterval``. Either way it compares listings
/// (``USBBusChange``), so the events are the same. The first listing reports the readers already plugged in.
/// The blocking libusb calls run on a thread the watcher owns, which ends within 200 ms of the stream's
/// consumer going away.
public final class USBReaderWatcher: Sendable {
    /// A reader came or went.
    public enum Event: Sendable, Hashable, CustomStringConvertible {
        /// A reader is on the bus, with the model that describes it.
        case arrived(USBAttachedDevice, DeviceModel)
        /// A reader left the bus.
        case departed(USBAttachedDevice)

        /// `arrived(usb 0400:c35a bus 1 address 2, reader-0400-c35a)`.
        public var description: String {
            switch self {
            case let .arrived(device, model): "arrived(\(device), \(model.name))"
            case let .departed(device): "departed(\(device))"
            }
        }
    }

    /// The pause between listings when libusb has no hotplug support (or it is not used).
    public let pollInterval: Duration
    /// Whether libusb's hotplug callbacks are used where libusb has them; `false` lists the bus every
    /// ``pollInterval`` instead, as on systems without them.
    public let usesHotplugWhenAvailable: Bool
    private let catalog: DeviceCatalog

    /// Creates a watcher; nothing is watched until ``events()`` is iterated.
    /// - Parameters:
    ///   - catalog: The device files.
    ///   - pollInterval: The pause between listings without hotplug support (default 2 s).
    ///   - usesHotplugWhenAvailable: `false` to poll even where libusb has hotplug support.
    public init(catalog: DeviceCatalog, pollInterval: Duration = .seconds(2), usesHotplugWhenAvailable: Bool = true) {
        self.catalog = catalog
        self.pollInterval = pollInterval
        self.usesHotplugWhenAvailable = usesHotplugWhenAvailable
    }

    /// Whether libusb reports hotplug events on this system.
    public static var usesHotplug: Bool { USBContext.hasHotplug }

    /// The readers among `devices`, with their models.
    /// - Parameter devices: A bus listing.
    /// - Returns: The devices a catalog model describes as a libusb reader, with that model.
    public func readers(among devices: [USBAttachedDevice]) -> [(USBAttachedDevice, DeviceModel)] {
        devices.compactMap { device in
            guard let model = catalog.model(for: device.usbID), model.kind == .reader,
                case .usb = model.connection
            else { return nil }
            return (device, model)
        }
    }

    /// Starts watching: arrivals and departures in order, beginning with the readers already plugged in.
    /// - Returns: The events; finished when libusb cannot start (the stream is then empty).
    public func events() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        guard case .success(let context) = USBContext.shared else {
            continuation.finish()
            return stream
        }
        let loop = USBWatchLoop(watcher: self, context: context, continuation: continuation)
        continuation.onTermination = { _ in loop.stop() }
        let thread = Thread { loop.run() }
        thread.name = "kioskd.usb.watcher"
        thread.start()
        return stream
    }
}

/// The watcher's thread: lists the bus on a hotplug wake-up or a poll tick, and reports the difference.
private final class USBWatchLoop: Sendable {
    private let watcher: USBReaderWatcher
    private let context: USBContext
    private let continuation: AsyncStream<USBReaderWatcher.Event>.Continuation
    private let stopped = Atomic<Bool>(false)
    private let changed = Atomic<Bool>(true)

    init(watcher: USBReaderWatcher, context: USBContext, continuation: AsyncStream<USBReaderWatcher.Event>.Continuation) {
        self.watcher = watcher
        self.context = context
        self.continuation = continuation
    }

    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }

    /// Marks the bus changed; called from libusb's hotplug callback.
    func busChanged() { changed.store(true, ordering: .sequentiallyConsistent) }

    func run() {
        let hotplug = USBContext.hasHotplug && watcher.usesHotplugWhenAvailable ? registerHotplug() : nil
        defer {
            if let hotplug { libusb_hotplug_deregister_callback(context.pointer, hotplug) }
            continuation.finish()
        }
        var change = USBBusChange()
        var lastListing = ContinuousClock.now
        while !stopped.load(ordering: .sequentiallyConsistent) {
            let due = hotplug == nil && ContinuousClock.now - lastListing >= watcher.pollInterval
            if changed.exchange(false, ordering: .sequentiallyConsistent) || due {
                lastListing = .now
                for event in change.update(readers: watcher.readers(among: context.devices())) {
                    continuation.yield(event)
                }
            }
            if hotplug != nil {
                var wait = timeval(tv_sec: 0, tv_usec: 200_000)
                _ = libusb_handle_events_timeout_completed(context.pointer, &wait, nil)
            } else {
                Thread.sleep(forTimeInterval: min(0.2, Double(watcher.pollInterval.components.seconds) + 0.05))
            }
        }
    }

    /// Registers a callback for every arrival and departure; nil when libusb refuses.
    private func registerHotplug() -> libusb_hotplug_callback_handle? {
        var handle: libusb_hotplug_callback_handle = 0
        let events = CInt(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT.rawValue)
        let status = libusb_hotplug_register_callback(
            context.pointer, events, 0, LIBUSB_HOTPLUG_MATCH_ANY,
            LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            { _, _, _, userData in
                guard let userData else { return 0 }
                Unmanaged<USBWatchLoop>.fromOpaque(userData).takeUnretainedValue().busChanged()
                return 0
            },
            Unmanaged.passUnretained(self).toOpaque(), &handle)
        return status == LIBUSB_SUCCESS.rawValue ? handle : nil
    }
}

/// Which readers came and went between two bus listings. Pure: no I/O.
struct USBBusChange {
    private var present: [USBAttachedDevice] = []

    /// Takes a new listing of readers and returns what changed: departures first, then arrivals, each in
    /// bus and address order. A device is identified by bus, address and id (a re-plugged device gets a new
    /// address, so it departs and arrives).
    mutating func update(readers: [(USBAttachedDevice, DeviceModel)]) -> [USBReaderWatcher.Event] {
        let now = readers.map(\.0)
        let departed = present.filter { !now.contains($0) }.map(USBReaderWatcher.Event.departed)
        let arrived = readers.filter { !present.contains($0.0) }.map(USBReaderWatcher.Event.arrived)
        present = now
        return departed + arrived
    }
}
