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
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
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
        )
    ]
)
