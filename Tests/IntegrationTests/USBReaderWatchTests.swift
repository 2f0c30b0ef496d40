// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// The watcher sees a reader come and go on the emulated bus both ways: through libusb's hotplug callbacks,
/// and by listing the bus, as on systems without hotplug support.
struct USBReaderWatchTests {
    private static let devices = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../devices").standardized.path

    @Test(arguments: [false, true])
    func aReaderPluggedInAndOutIsSeenArriveAndLeave(polling: Bool) async throws {
        let outcome = try await ProcessRunner.run(
            USBReaderRig.binary, ["watch", "--scheme", "split", "--devices", Self.devices] + (polling ? ["--polling"] : []),
            timeout: .seconds(30))
        #expect(outcome.status == 0, "\(outcome.errorText)")
        let events = try outcome.outputText.split(separator: "\n").map { try JSONValue(parsing: Data($0.utf8)) }
        try #require(events.count == 3, "\(outcome.outputText)")
        #expect(events[0]["hotplug"]?.boolValue == !polling)
        #expect(events[1]["event"]?.stringValue == "arrived")
        #expect(events[1]["model"]?.stringValue == "reader-0400-c35a")
        #expect(events[2]["event"]?.stringValue == "departed")
        #expect(events[2]["device"]?.stringValue == events[1]["device"]?.stringValue)
    }
}
