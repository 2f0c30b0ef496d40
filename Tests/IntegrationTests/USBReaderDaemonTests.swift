// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real daemon on an emulated USB bus: it takes a reader plugged in after it started, a card read over
/// USB reaches `GET /api/v1/card` masked, and an unplug is a reader fault, not a crash.
@Suite(.serialized)
struct USBReaderDaemonTests {
    @Test(arguments: ["split", "single"])
    func theDaemonTakesAReaderPluggedInLaterAndSurvivesItsUnplug(scheme: String) async throws {
        let directory = try TestDirectory("usb-\(scheme)")
        let bus = try USBReaderBus(["--scheme", scheme, "--card", "resident"])
        defer { bus.stop() }
        let daemon = try await DaemonProcess(
            database: directory.file("k.sqlite"), logFile: directory.file("log"), environment: bus.environment)
        let card = daemon.baseURL.appendingPathComponent("api/v1/card")
        #expect(try await HTTPClient.get(card).status == 204)

        try bus.send("plug")
        let deadline = ContinuousClock.now + .seconds(20)
        var response = try await HTTPClient.get(card)
        while response.status != 200, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            response = try await HTTPClient.get(card)
        }
        #expect(response.status == 200)
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(body.contains("3201**********1233"), "\(body)")
        #expect(!body.contains("320102195608151233"))

        try bus.send("unplug")
        let log = directory.file("log")
        let left = ContinuousClock.now + .seconds(20)
        var text = ""
        while !text.contains("USB ID-card reader left"), ContinuousClock.now < left {
            try await Task.sleep(for: .milliseconds(200))
            text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        #expect(text.contains("USB ID-card reader left"))
        #expect(try await HTTPClient.get(daemon.baseURL.appendingPathComponent("healthz")).status == 200)
        #expect(try await daemon.stop(signal: SIGTERM) == 0)
        let final = try String(contentsOf: log, encoding: .utf8)
        #expect(final.contains("USB ID-card reader arrived"))
        #expect(!final.contains("320102195608151233") && !final.contains("王测试"))
    }
}
