// swift-tools-version:6.2
//
// kioskd fuzz targets — a separate package so the daemon's `swift build` never needs the fuzzer runtime.
// Run from the repository root with `make fuzz`, or here with
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//   .build/release/FuzzFrameDecoder -max_total_time=60 Corpus/FuzzFrameDecoder
import PackageDescription

let package = Package(
    name: "kioskd-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The explicit name keeps `package: "kioskd"` valid whatever the clone's folder is called.
        .package(name: "kioskd", path: "..")
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for the targets' own `main` (see its header).
        .target(name: "CFuzzerDriver"),
        // The streaming frame decoder, and the frame, command and response types behind it.
        .executableTarget(
            name: "FuzzFrameDecoder",
            dependencies: ["CFuzzerDriver", .product(name: "IDCard", package: "kioskd")]
        ),
        // The 256-byte text block of all four card types, and the read payloads around it.
        .executableTarget(
            name: "FuzzTextDecoder",
            dependencies: ["CFuzzerDriver", .product(name: "IDCard", package: "kioskd")]
        ),
    ]
)

for target in package.targets where target.name != "CFuzzerDriver" {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
