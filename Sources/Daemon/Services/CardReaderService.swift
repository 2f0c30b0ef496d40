// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation
import IDCard
import Logging
import Reader
public import ServiceLifecycle

/// Runs the ID-card reader and tells the hall about cards: a read card becomes a session on the
/// ``CardDesk`` and a masked `card_read` event on the event stream; removals and reader faults are
/// events too.
///
/// The reader (`[reader] device`):
/// - `auto`: a USB reader a device file (devices/) describes, when one is on the bus or plugged in later
///   (libusb, ``USBReaderWatcher``); while there is none, the first udev-named serial reader under
///   `/dev/kioskd/`, else an in-process emulator (which starts with no card; tests and the technician present
///   one through `POST /api/v1/emulator/card`);
/// - `usb`: USB readers only, waiting for one to arrive;
/// - `emulator`, `none`, or a serial device path.
///
/// A USB reader unplugged mid-read gives a `reader_disconnected` event; the service then takes the next
/// reader present (another USB reader, the fallback, or waits). `run()` owns the reader and the USB watcher,
/// and ends on graceful shutdown.
public struct CardReaderService: Service {
    private let device: String
    private let catalog: DeviceCatalog?
    private let session: ReaderSession.Configuration
    private let desk: CardDesk
    private let broadcaster: EventBroadcaster
    private let elderlyAge: Int
    private let timeZone: TimeZone
    private let logger: Logger
    /// The emulator, when no real reader is used.
    public let emulator: ReaderEmulator?

    /// Chooses the reader.
    /// - Parameters:
    ///   - device: `auto`, `usb`, `emulator`, `none` or a device path (`[reader] device`).
    ///   - catalog: The device files, for USB readers (`nil`: none are taken).
    ///   - session: What each read fetches, with timeouts and retries.
    ///   - desk: Where read cards are kept.
    ///   - broadcaster: Where card events go.
    ///   - elderlyAge: From which age a card holder is announced as elderly.
    ///   - timeZone: The hall's time zone, for ages.
    ///   - logger: For reader state (never personal data).
    public init(
        device: String, catalog: DeviceCatalog?, session: ReaderSession.Configuration = .init(), desk: CardDesk, broadcaster: EventBroadcaster, elderlyAge: Int, timeZone: TimeZone, logger: Logger
    ) {
        self.device = device
        self.catalog = catalog
        self.session = session
        let chosen = device == "auto" ? Self.udevReader() ?? "emulator" : device
        self.desk = desk
        self.broadcaster = broadcaster
        self.elderlyAge = elderlyAge
        self.timeZone = timeZone
        self.logger = logger
        emulator = chosen == "emulator" ? ReaderEmulator(logger: logger) : nil
    }

    /// The first reader udev named under `/dev/kioskd/` (see `udev/70-kioskd.rules`), if any.
    static func udevReader() -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/kioskd")) ?? []
        return names.filter { $0.hasPrefix("reader-") }.sorted().first.map { "/dev/kioskd/\($0)" }
    }

    /// Reads cards until graceful shutdown.
    public func run() async throws {
        guard device != "none" else {
            logger.notice("No ID-card reader configured")
            try? await gracefulShutdown()
            return
        }
        logger.notice("ID-card reader", metadata: ["reader.device": "\(device)"])
        let emulatorLink = try emulator.map { _ in try ReaderEmulator.connectedPair() }
        let selector = followsUSB ? usbSelector(emulatorLink: emulatorLink?.host) : nil
        let device = device
        let reader = ReaderService(configuration: .init(session: session), clock: ContinuousClock(), logger: logger) {
            if let selector { return try await selector.open() }
            if let emulatorLink { return emulatorLink.host }
            return try await SerialTransport(path: device)
        }
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                if let emulator, let emulatorLink {
                    group.addTask(executorPreference: emulator.executor) { await emulator.serve(emulatorLink.device) }
                }
                if let selector, let catalog = selector.catalogForWatching {
                    group.addTask { await selector.follow(USBReaderWatcher(catalog: catalog).events()) }
                }
                group.addTask { await reader.run() }
                for await event in reader.events {
                    handle(event)
                }
                group.cancelAll()
            }
        }
    }

    /// Whether USB readers are taken (`auto`, `usb`).
    private var followsUSB: Bool { device == "auto" || device == "usb" }

    /// The selector for `auto` and `usb`: USB readers from the device catalog, with the fallback of `auto`.
    private func usbSelector(emulatorLink: (any ReaderTransport)?) -> USBReaderSelector {
        var catalog = catalog
        if catalog == nil {
            logger.warning("No USB ID-card readers: no device catalog")
        }
        if case .failure(let error) = USBTransport.libUSB {
            logger.warning("No USB ID-card readers: libusb unavailable", metadata: ["reader.error": "\(error)"])
            catalog = nil
        }
        let fallback: USBReaderSelector.Fallback? =
            if device == "usb" {
                nil
            } else if let emulatorLink {
                .init(name: "emulator", isShared: true) { emulatorLink }
            } else if let path = Self.udevReader() {
                .init(name: "udev serial reader", isShared: false) { try await SerialTransport(path: path) }
            } else {
                nil
            }
        logger.notice(
            "Watching for USB ID-card readers",
            metadata: [
                "device.catalog": "\(DeviceCatalog.defaultDirectory())", "usb.hotplug": "\(USBReaderWatcher.usesHotplug)",
                "reader.fallback": "\(fallback?.name ?? "none: waiting for a USB reader")",
            ])
        return USBReaderSelector(catalog: catalog, fallback: fallback, logger: logger)
    }

    private func handle(_ event: ReaderEvent) {
        let now = Date()
        switch event {
        case .connected(let name):
            broadcaster.publish(live: LiveEvent(kind: "reader_connected", fields: ["device": .string(name)]))
        case .cardRead(let reading):
            let session = desk.accept(reading.read.identity, photo: reading.read.photo, at: now)
            let summary = reading.read.identity.summary
            logger.info("Card read", metadata: ["reader.card.type": "\(summary.cardType)"])
            broadcaster.publish(
                live: LiveEvent(
                    kind: "card_read",
                    fields: [
                        "card": .string(session.id), "card_type": .string(summary.cardType),
                        "name": .string(summary.maskedName), "number": .string(summary.maskedNumber),
                        "birth_year": .number(Double(summary.birthYear)),
                        "elderly": .bool(session.isElderly(age: elderlyAge, timeZone: timeZone, now: now)),
                    ]))
        case .cardRemoved:
            desk.removed(at: now)
            broadcaster.publish(live: LiveEvent(kind: "card_removed", fields: [:]))
        case .readerError(let error), .disconnected(let error):
            logger.warning("ID-card reader fault", metadata: ["reader.error": "\(error.code)"])
            let kind = if case .disconnected = event { "reader_disconnected" } else { "reader_error" }
            broadcaster.publish(live: LiveEvent(kind: kind, fields: ["code": .string("\(error.code)")]))
        }
    }
}

extension CardReaderService: CustomStringConvertible {
    /// The configured device only, for ServiceLifecycle's log of its services (not the whole device catalog).
    public var description: String { "CardReaderService(device: \(device))" }
}
