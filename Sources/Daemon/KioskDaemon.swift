// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation
import Hummingbird
public import KioskConfiguration
public import Logging
import PersonalData
import Queue
import Reader
import ServiceLifecycle
import UnixSignals
import Store

/// The daemon behind `kioskd run`: the store, the hall, the ticker, the event stream and the HTTP API.
public struct KioskDaemon: Sendable {
    /// The version reported by `/healthz`.
    public static let version = "0.1.0"

    let configuration: KioskConfiguration
    let logger: Logger

    /// Creates the daemon; nothing starts before ``run()``.
    public init(configuration: KioskConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Opens the store, loads the hall and serves until SIGTERM or SIGINT, then shuts down cleanly:
    /// event streams end, in-flight requests finish, the ticker stops.
    /// - Throws: ``StoreError`` when the store cannot be opened, ``PersonalDataError`` when the data key is
    ///   missing, exposed or not the store's; a bind error when the address is taken.
    public func run() async throws {
        let photoDecoder = try openPhotoDecoder()
        let store = try QueueStore(path: configuration.databasePath)
        let dataKey = try openDataKey(for: store)
        let catalog = loadDeviceCatalog()
        let busFindings = catalog.map { catalog in BusDevice.scanSysfs().map(catalog.assess) } ?? []
        if let catalog { logBusFindings(busFindings, catalog: catalog) }
        let broadcaster = EventBroadcaster()
        let hall = try HallService(configuration: configuration.hall, store: store, broadcaster: broadcaster, logger: logger)
        let desk = CardDesk()
        let reader = CardReaderService(
            device: configuration.reader.device, catalog: catalog,
            session: .init(
                readsFingerprint: configuration.reader.readsFingerprint,
                readsAdditionalAddress: configuration.reader.readsAdditionalAddress), desk: desk, broadcaster: broadcaster,
            elderlyAge: configuration.hall.priority.elderlyAge, timeZone: configuration.hall.timeZone, logger: logger)
        let printer = await makeTicketPrinter(broadcaster: broadcaster, busFindings: busFindings, catalog: catalog)
        let identity = loadDeviceIdentity()
        let cases = try makeCaseService(
            store: store, dataKey: dataKey, deviceID: receiptDeviceID(identity: identity), desk: desk, printer: printer)
        let sync = try makeSyncLink(identity: identity, cases: cases)
        let notifier = SystemdNotifier()
        let application = try makeApplication(
            hall: hall, broadcaster: broadcaster, cards: Cards(desk: desk, dataKey: dataKey, emulator: reader.emulator, photoDecoder: photoDecoder),
            printer: printer, cases: cases, sync: sync, notifier: notifier)
        let retention = CaseRetention(
            cases: cases, retention: TimeInterval(configuration.cases.retentionDays) * 86_400, now: { Date() }, logger: logger)
        let forwarder = QueueRecordForwarder(
            cases: cases, broadcaster: broadcaster, sync: sync, timeZone: configuration.hall.timeZone, now: { Date() },
            logger: logger)
        let ticker = HallTicker(hall: hall, broadcaster: broadcaster, logger: logger)
        let watchdog = WatchdogService(hall: hall, notifier: notifier)
        logger.notice(
            "Starting kioskd",
            metadata: [
                LogKey.hall.rawValue: "\(configuration.hall.name)", LogKey.config.rawValue: "\(configuration.source)",
                LogKey.database.rawValue: "\(configuration.databasePath)",
            ])
        // Shutdown runs in reverse order: systemd hears STOPPING=1, event streams end, the HTTP server
        // drains, then the ticker stops.
        // The sync client may stop on its own (a revoked device): the kiosk goes on working offline.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: ticker), .init(service: reader)]
        if case .syncing(let client, _, _) = sync {
            services.append(.init(service: client, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
        }
        services += ([forwarder, retention] + (printer.map { [$0] } ?? []) + [application, broadcaster, watchdog] as [any Service])
            .map { .init(service: $0) }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.notice("kioskd stopped")
    }

    /// Loads the vendor WLT library `[reader] photo_decoder` names, if any.
    /// - Throws: ``ReaderError`` (`photo_decoder_unavailable`) when it cannot be loaded: a technician named it,
    ///   so a silent start without it would hide the fault.
    func openPhotoDecoder() throws -> PhotoDecoder? {
        let settings = configuration.reader
        guard let path = settings.photoDecoder else { return nil }
        let decoder = try PhotoDecoder(
            path: path, symbol: settings.photoDecoderSymbol, argument: Int32(clamping: settings.photoDecoderArgument))
        logger.notice(
            "Photo decoder loaded", metadata: ["reader.photo_decoder": "\(path)", "reader.photo_decoder.symbol": "\(settings.photoDecoderSymbol)"])
        return decoder
    }

    /// Opens the data key, creating it only for a store that never had one, and records its fingerprint.
    func openDataKey(for store: QueueStore) throws -> DataKey {
        let (key, created) = try DataKey.openOrCreate(
            at: configuration.dataKeyPath, recordedFingerprint: try store.dataKeyFingerprint())
        try store.recordDataKeyFingerprint(key.fingerprint)
        logger.notice(
            created ? "Created a new data key" : "Opened the data key",
            metadata: [LogKey.dataKey.rawValue: "\(configuration.dataKeyPath)", LogKey.fingerprint.rawValue: "\(key.fingerprint)"])
        return key
    }

    /// The device files (`devices/*.toml`), loaded once at start for the bus log, the readers and the printer;
    /// `nil` (with a warning) when they cannot be read.
    func loadDeviceCatalog() -> DeviceCatalog? {
        do {
            return try DeviceCatalog.load(directory: DeviceCatalog.defaultDirectory())
        } catch {
            logger.warning("Device catalog not loaded", metadata: [LogKey.error.rawValue: "\(error)"])
            return nil
        }
    }

    /// Logs every USB device on the bus, whether kioskd takes it, and why (from `devices/*.toml`), so a
    /// technician with a reader of an unknown brand sees what was found and what to describe.
    func logBusFindings(_ findings: [BusFinding], catalog: DeviceCatalog) {
        for finding in findings {
            var metadata = finding.metadata.mapValues { Logger.MetadataValue.string($0) }
            metadata["usb.summary"] = .string(finding.description)
            let level: Logger.Level = finding.isTaken || finding.reason == .unknownVendorSpecific ? .notice : .info
            logger.log(level: level, "\(finding.message)", metadata: metadata)
        }
        logger.notice(
            "USB bus scanned",
            metadata: [
                "usb.devices": "\(findings.count)", "usb.taken": "\(findings.filter(\.isTaken).count)",
                "device.catalog": "\(DeviceCatalog.defaultDirectory()) (\(catalog.models.count) models)",
            ])
    }

    /// The HTTP application, also used in-process by tests.
    func makeApplication(
        hall: HallService, broadcaster: EventBroadcaster, cards: Cards, printer: TicketPrinter?, cases: CaseService,
        sync: SyncLink, notifier: SystemdNotifier
    ) throws -> some ApplicationProtocol {
        let router = Self.makeRouter(
            hall: hall, broadcaster: broadcaster, tokens: configuration.windowTokens, assets: try PageAssets(), cards: cards,
            printer: printer, cases: cases, sync: sync)
        let listen = configuration.listen
        let logger = logger
        return Application(
            router: router,
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "kioskd/\(Self.version)"),
            onServerRunning: { channel in
                logger.notice("Listening", metadata: [LogKey.listen.rawValue: "\(channel.localAddress.map { "\($0)" } ?? "?")"])
                notifier.ready(status: "叫号服务运行中 queue ready, listening on \(listen)")
            },
            logger: logger)
    }

    /// What the routes need to work with ID cards.
    struct Cards: Sendable {
        /// The card on the reader.
        var desk: CardDesk
        /// Hashes card holders' numbers.
        var dataKey: DataKey
        /// The emulated reader, when no real one is used.
        var emulator: ReaderEmulator?
        /// The site's WLT photo decoder, when `[reader] photo_decoder` names one.
        var photoDecoder: PhotoDecoder? = nil
    }

    /// The API's router: pages, public queue routes (tickets, ratings, bookings), card routes, window routes,
    /// agents' case routes and the event stream.
    static func makeRouter(
        hall: HallService, broadcaster: EventBroadcaster, tokens: [String: String], assets: PageAssets, cards: Cards,
        printer: TicketPrinter?, cases: CaseService, sync: SyncLink = .off
    ) -> Router<KioskRequestContext> {
        let router = Router(context: KioskRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        PageRoutes(hall: hall, assets: assets, version: version).register(on: router)
        let issuer = TicketIssuer(hall: hall, desk: cards.desk, dataKey: cards.dataKey, printer: printer)
        QueueRoutes(hall: hall, issuer: issuer).register(on: router)
        TicketRatingRoute(hall: hall).register(on: router)
        BookingRoutes(hall: hall, cases: cases, checkIn: BookingCheckIn(issuer: issuer, cases: cases)).register(on: router)
        CardRoutes(
            desk: cards.desk, emulator: cards.emulator, photoDecoder: cards.photoDecoder, configuration: hall.configuration
        ).register(on: router)
        PrinterRoutes(printer: printer).register(on: router)
        WindowRoutes(hall: hall, authenticator: WindowAuthenticator(tokens: tokens), printer: printer).register(on: router)
        AgentRoutes(cases: cases).register(on: router)
        CaseRoutes(cases: cases, sync: sync).register(on: router)
        EventStreamRoute(hall: hall, broadcaster: broadcaster).register(on: router)
        return router
    }
}
