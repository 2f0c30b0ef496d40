// swift-tools-version:6.2
//
// kioskd — the self-service kiosk and queue-ticket daemon.
// One package, one target per concern; dependencies point one way:
//   Queue (pure) ← Store (GRDB) ← Daemon (HTTP, services) ← kioskd (CLI)
import PackageDescription

let package = Package(
    name: "kioskd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kioskd", targets: ["kioskd"]),
        .library(name: "IDCard", targets: ["IDCard"]),
        .library(name: "DeviceCatalog", targets: ["DeviceCatalog"]),
        .library(name: "PersonalData", targets: ["PersonalData"]),
        .library(name: "Reader", targets: ["Reader"]),
        .library(name: "Queue", targets: ["Queue"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "KioskConfiguration", targets: ["KioskConfiguration"]),
        .library(name: "Daemon", targets: ["Daemon"]),
        .library(name: "KioskTesting", targets: ["KioskTesting"]),
        .library(name: "SyncProtocol", targets: ["SyncProtocol"]),
        .library(name: "Central", targets: ["Central"]),
        .library(name: "SyncClient", targets: ["SyncClient"]),
        .library(name: "Menu", targets: ["Menu"]),
        .executable(name: "kiosk-central", targets: ["kiosk-central"]),
        .library(name: "Printing", targets: ["Printing"]),
        .library(name: "PrinterLink", targets: ["PrinterLink"]),
        .library(name: "CUPSPrinting", targets: ["CUPSPrinting"]),
        .executable(name: "kioskd-cups-backend", targets: ["kioskd-cups-backend"]),
        .executable(name: "kioskd-usb-rig", targets: ["kioskd-usb-rig"]),
    ],
    dependencies: [
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        .systemLibrary(name: "CLibUSB", pkgConfig: "libusb-1.0", providers: [.apt(["libusb-1.0-0-dev"])]),
        .systemLibrary(name: "CUMockdev", pkgConfig: "umockdev-1.0", providers: [.apt(["libumockdev-dev"])]),
        // Debian 12's libcups2-dev ships cups-config but no cups.pc: the module map links `cups` by name.
        .systemLibrary(name: "CCUPS", providers: [.apt(["libcups2-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        // The GA 467 SAM frame protocol and the ID-card text layouts, with masking. Pure: no I/O.
        .target(name: "IDCard"),
        // The supported reader and printer models (devices/*.toml) and the udev rules generated from them.
        .target(name: "DeviceCatalog", dependencies: ["TOMLKit"]),
        // Byte links to devices through file descriptors (ttys, ptys, usblp) with timeouts, and pseudo-terminals.
        .target(name: "DeviceIO"),
        // ID-card reader transports (libusb, USB-serial over termios), reader sessions, and the byte-exact emulator.
        .target(
            name: "Reader",
            dependencies: ["CLibUSB", "DeviceCatalog", "DeviceIO", "IDCard", .product(name: "Logging", package: "swift-log")]
        ),
        // Test rig: an emulated USB SAM reader on an emulated usbdevfs (umockdev), for the libusb transport's tests.
        .executableTarget(
            name: "kioskd-usb-rig",
            dependencies: ["CUMockdev", "DeviceCatalog", "IDCard", "Reader", .product(name: "Logging", package: "swift-log")]
        ),
        // Ticket and receipt layouts, rendered to ESC/POS (GB18030 text or raster, QR codes). No I/O.
        .target(
            name: "Printing",
            dependencies: ["CFreeType", "CQRencode", .product(name: "Logging", package: "swift-log")]
        ),
        // The byte link to an ESC/POS printer (usblp, tty), its real-time status, and the printer emulator.
        .target(
            name: "PrinterLink",
            dependencies: ["DeviceIO", "Printing", .product(name: "Logging", package: "swift-log")]
        ),
        // Print jobs and printer status through libcups.
        .target(
            name: "CUPSPrinting",
            dependencies: ["CCUPS", "Printing", .product(name: "Logging", package: "swift-log")]
        ),
        // The kioskd CUPS backend: writes a job to the printer and reports its paper state to cupsd.
        .executableTarget(name: "kioskd-cups-backend", dependencies: ["PrinterLink", "Printing"]),
        // The sync wire: operations, push and pull messages, enrolment, request signatures. No I/O.
        .target(name: "SyncProtocol", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The central server: enrolment, push with a per-device ledger, pull streams, revocation, audit (PostgreSQL).
        .target(
            name: "Central",
            dependencies: [
                "PersonalData",
                "SyncProtocol",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "kiosk-central",
            dependencies: [
                "Central",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // The kiosk's sync client: batches from the outbox, gzip, signed requests, backoff with full jitter.
        .target(
            name: "SyncClient",
            dependencies: [
                "SyncProtocol",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The data key: keyed hashes of ID numbers and AES-GCM sealing of identities at rest.
        .target(name: "PersonalData", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The touchscreen text menu: terminal, layout and screens; a client of the daemon's API.
        .target(
            name: "Menu",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Pure queue logic: numbering, priorities, calling policy, estimates, alarms. No I/O.
        .target(
            name: "Queue",
            dependencies: [.product(name: "Collections", package: "swift-collections")]
        ),
        // The durable store: SQLite through GRDB, migrations, the event log.
        .target(
            name: "Store",
            dependencies: [
                "PersonalData",
                "Queue",
                "SyncProtocol",
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The technician's TOML file and the built-in demo hall, checked before anything starts.
        .target(
            name: "KioskConfiguration",
            dependencies: ["Queue", "TOMLKit"],
            exclude: ["Resources"]
        ),
        // The daemon: configuration, the hall actor, the HTTP API, event stream and pages.
        .target(
            name: "Daemon",
            dependencies: [
                "CUPSPrinting",
                "DeviceCatalog",
                "IDCard",
                "KioskConfiguration",
                "PersonalData",
                "Printing",
                "Queue",
                "Reader",
                "Store",
                "SyncClient",
                "SyncProtocol",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "kioskd",
            dependencies: [
                "Daemon",
                "DeviceCatalog",
                "KioskConfiguration",
                "Menu",
                "PersonalData",
                "Queue",
                "Reader",
                "Store",
                "SyncClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Test support: process launcher, headless Chromium driver, OpenAPI response checker.
        .target(
            name: "KioskTesting",
            dependencies: [
                "Menu",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Swift Testing traits over KioskTesting's servers (kept apart so KioskTesting never links Testing).
        .target(name: "KioskTestingTraits", dependencies: ["KioskTesting"]),
        // Test support for printing: an ESC/POS interpreter that turns printed bytes into text lines and a PNG.
        .target(name: "PrintTesting", dependencies: ["CFreeType", "CPNG", "Printing"]),
        .testTarget(name: "IDCardTests", dependencies: ["IDCard"]),
        .testTarget(name: "DeviceCatalogTests", dependencies: ["DeviceCatalog"]),
        .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData"]),
        .testTarget(name: "ReaderTests", dependencies: ["DeviceCatalog", "IDCard", "KioskTesting", "Reader"], exclude: ["Fixtures"]),
        .testTarget(name: "QueueTests", dependencies: ["Queue"]),
        .testTarget(name: "MenuTests", dependencies: ["Menu"]),
        .testTarget(
            name: "CentralTests",
            dependencies: [
                "Central", "KioskTesting", "KioskTestingTraits", "SyncProtocol",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "SyncClientTests",
            dependencies: [
                "KioskTesting", "SyncClient", "SyncProtocol",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "SyncProtocolTests", dependencies: ["SyncProtocol", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "DeviceIOTests", dependencies: ["DeviceIO"]),
        .testTarget(name: "PrintingTests", dependencies: ["Printing", "PrintTesting"]),
        .testTarget(name: "PrinterLinkTests", dependencies: ["PrinterLink", "Printing", "PrintTesting"]),
        .testTarget(
            name: "CUPSPrintingTests",
            dependencies: ["CUPSPrinting", "KioskTesting", "PrinterLink", "Printing", "PrintTesting"]
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["PersonalData", "Queue", "Store", "SyncProtocol", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "KioskConfigurationTests", dependencies: ["KioskConfiguration"]),
        .testTarget(name: "KioskTestingTests", dependencies: ["KioskTesting"]),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "Daemon", "DeviceCatalog", "IDCard", "KioskConfiguration", "KioskTesting", "PersonalData", "Printing", "PrintTesting", "Queue",
                "Reader", "Store", "SyncProtocol",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Black-box tests of the real `kioskd` process (built first by `make test`), pages in headless Chromium.
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["KioskTesting", "KioskTestingTraits", "PrintTesting", "PrinterLink", "Printing", "Queue", "Reader", "Store"]
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
