// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized)
struct DaemonLifecycleTests {
    @Test func sigtermStopsTheDaemonCleanly() async throws {
        let directory = try TestDirectory("sigterm")
        let daemon = try await DaemonProcess(database: directory.file("k.sqlite"), logFile: directory.file("log"))
        let taken = try await HTTPClient.post(daemon.baseURL.appendingPathComponent("api/v1/tickets"), json: #"{"business": "social-security"}"#)
        #expect(taken.status == 201)
        let status = try await daemon.stop(signal: SIGTERM)
        #expect(!daemon.endedBySignal)
        #expect(status == 0)
        let log = try String(contentsOf: daemon.logFile, encoding: .utf8)
        #expect(log.contains("kioskd stopped"))
        // Started from the checkout, the daemon finds devices/ and says what it saw on the USB bus.
        #expect(log.contains("USB bus scanned"))
        #expect(!log.contains("Device catalog not loaded"))
    }

    @Test func theDataKeyIsCreatedPrivateAndALostKeyStopsTheStart() async throws {
        let directory = try TestDirectory("data-key")
        let database = directory.file("k.sqlite")
        let key = directory.file("k.key")
        let daemon = try await DaemonProcess(database: database, logFile: directory.file("log"))
        try await daemon.stop(signal: SIGTERM)
        let mode = (try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let log = try String(contentsOf: directory.file("log"), encoding: .utf8)
        #expect(log.contains("Created a new data key"))
        #expect(!log.contains(try Data(contentsOf: key).base64EncodedString()))

        try FileManager.default.removeItem(at: key)
        let refused = try await runKioskd(
            ["run", "--database", database.path, "--data-key", key.path, "--listen", "127.0.0.1:\(try FreePort.find())"],
            binary: DaemonProcess.binary)
        #expect(refused.status == 78)
        #expect(refused.error.contains("is missing"))
        #expect(refused.error.contains(key.path))
        #expect(!FileManager.default.fileExists(atPath: key.path), "a new key must never be created over sealed data")
    }

    @Test func anOpenEventStreamDoesNotBlockShutdown() async throws {
        let directory = try TestDirectory("sigterm-sse")
        let daemon = try await DaemonProcess(database: directory.file("k.sqlite"), logFile: directory.file("log"))
        let stream = Task {
            try? await HTTPClient.get(daemon.baseURL.appendingPathComponent("api/v1/events"))
        }
        try await Task.sleep(for: .milliseconds(300))
        let status = try await daemon.stop(signal: SIGTERM, timeout: .seconds(10))
        #expect(status == 0)
        stream.cancel()
    }

    @Test func aBrokenConfigIsRefusedWithFileKeyAndReasonAndNoStackTrace() async throws {
        let directory = try TestDirectory("bad-config")
        let (_, example, _) = try await runKioskd(["config", "example"], binary: DaemonProcess.binary)
        let broken = example.replacingOccurrences(of: #"prefix = "B""#, with: #"prefix = "b1""#)
        #expect(broken != example)
        let file = directory.file("kioskd.toml")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let result = try await runKioskd(["run", "--config", file.path, "--database", directory.file("k.sqlite").path], binary: DaemonProcess.binary)
        #expect(result.status == 78)
        #expect(result.error.contains(file.path))
        #expect(result.error.contains("prefix"))
        #expect(!result.error.contains("Fatal error"))
        #expect(!result.error.contains("Stack"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("k.sqlite").path))
    }

    @Test func aTOMLSyntaxErrorNamesTheLine() async throws {
        let directory = try TestDirectory("syntax")
        let file = directory.file("kioskd.toml")
        try "[hall]\nname = \"x\"\n[[business]\ncode = \"a\"\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await runKioskd(["config", "check", "--config", file.path], binary: DaemonProcess.binary)
        #expect(result.status == 78)
        #expect(result.error.contains("\(file.path):3"))
    }

    @Test func configExampleIsTheDemoHallAndPassesTheCheck() async throws {
        let directory = try TestDirectory("example")
        let (status, example, _) = try await runKioskd(["config", "example"], binary: DaemonProcess.binary)
        #expect(status == 0)
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/KioskConfiguration/Resources/demo-hall.toml").standardized
        #expect(example == (try String(contentsOf: shipped, encoding: .utf8)))
        let file = directory.file("kioskd.toml")
        try example.write(to: file, atomically: true, encoding: .utf8)
        let check = try await runKioskd(["config", "check", "--config", file.path], binary: DaemonProcess.binary)
        #expect(check.status == 0)
        #expect(check.output.contains("OK"))
    }

    @Test func anAddressInUseIsAClearStartFailure() async throws {
        let directory = try TestDirectory("in-use")
        let first = try await DaemonProcess(database: directory.file("a.sqlite"), logFile: directory.file("a.log"))
        let port = first.baseURL.port!
        let second = try await runKioskd(
            ["run", "--listen", "127.0.0.1:\(port)", "--database", directory.file("b.sqlite").path], binary: DaemonProcess.binary)
        #expect(second.status != 0)
        #expect(second.error.lowercased().contains("address already in use"))
        try await first.stop(signal: SIGTERM)
    }
}

/// A photo decoder the technician named but that cannot be loaded stops the start, naming the library.
struct PhotoDecoderStartTests {
    @Test func anUnloadablePhotoDecoderStopsTheStartWith78() async throws {
        let directory = try TestDirectory("photo-decoder")
        let (_, example, _) = try await runKioskd(["config", "example"])
        let config = directory.file("kioskd.toml")
        let missing = directory.file("libwlt-missing.so").path
        try example.replacingOccurrences(
            of: "# photo_decoder = \"/opt/vendor/lib/libwlt2bmp.so\"", with: "photo_decoder = \"\(missing)\""
        ).write(to: config, atomically: true, encoding: .utf8)
        let result = try await runKioskd([
            "run", "--config", config.path, "--database", directory.file("k.sqlite").path, "--listen", "127.0.0.1:0",
        ])
        #expect(result.status == 78)
        #expect((result.output + result.error).contains("libwlt-missing.so"))
    }
}
