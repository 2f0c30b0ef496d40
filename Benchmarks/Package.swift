// swift-tools-version:6.2
//
// kioskd benchmarks — a separate package so the daemon never depends on the benchmark plugin.
// Run from the repository root with `make bench`, or here with
//   swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "kioskd-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The daemon itself. The explicit name keeps `package: "kioskd"` valid whatever the clone's folder is called.
        .package(name: "kioskd", path: "../"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // RuntimeInterposer (a default trait) needs a package that is not mirrored here; malloc counting is enough.
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "QueueBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Daemon", package: "kioskd"),
                .product(name: "IDCard", package: "kioskd"),
                .product(name: "PersonalData", package: "kioskd"),
                .product(name: "Queue", package: "kioskd"),
                .product(name: "Store", package: "kioskd"),
                .product(name: "SyncProtocol", package: "kioskd"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/QueueBenchmarks",
            swiftSettings: [
                .swiftLanguageMode(.v6),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ],
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // The server's sync figures: push ingest, a reconnect storm, memory under polling. Each starts its own
        // private PostgreSQL and a kiosk-central in process. (Local capture is in QueueBenchmarks, beside its
        // SQLite baseline.)
        .executableTarget(
            name: "SyncBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Central", package: "kioskd"),
                .product(name: "IDCard", package: "kioskd"),
                .product(name: "KioskTesting", package: "kioskd"),
                .product(name: "SyncClient", package: "kioskd"),
                .product(name: "SyncProtocol", package: "kioskd"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Benchmarks/SyncBenchmarks",
            swiftSettings: [
                .swiftLanguageMode(.v6),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ],
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
    ]
)
