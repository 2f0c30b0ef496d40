// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting

/// Runs `kioskd-usb-rig` (built by `swift build`) and returns what it printed.
enum USBReaderRig {
    /// The rig binary beside `kioskd`.
    static var binary: URL { DaemonProcess.binary.deletingLastPathComponent().appendingPathComponent("kioskd-usb-rig") }

    /// `kioskd-usb-rig read …`: one card read over the emulated USB bus, as the JSON line it prints.
    /// - Parameter arguments: The options after `read`.
    /// - Returns: The result and the wall time it took.
    static func read(_ arguments: [String]) async throws -> (result: JSONValue, elapsed: Duration) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["read"] + arguments
        let output = Pipe()
        process.standardOutput = output
        let started = ContinuousClock.now
        try process.run()
        let deadline = started + .seconds(30)
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw KioskTestingError(.timeout, "kioskd-usb-rig read did not finish within 30 s")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        return (try JSONValue(parsing: data), ContinuousClock.now - started)
    }
}
