// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceIO
import Testing

@Suite struct DeviceFileTests {
    @Test func missingDeviceFailsToOpen() {
        #expect(throws: DeviceIOError(.openFailed)) { _ = try DeviceFile.open(path: "/dev/kioskd-no-such-device") }
    }

    @Test func aFileThatIsNoTerminalIsRefusedAsASerialLine() {
        #expect(throws: DeviceIOError(.openFailed)) { _ = try SerialLine.open(path: "/dev/null", settings: .standard) }
    }

    @Test func secondOpenOfTheSameDeviceIsRefused() throws {
        let terminal = try PseudoTerminal()
        defer {
            DeviceFile.close(terminal.master)
            terminal.closeSlave()
        }
        let first = try DeviceFile.open(path: terminal.slavePath)
        defer { DeviceFile.close(first) }
        #expect(DeviceFile.isTerminal(first))
        #expect(throws: DeviceIOError(.openFailed)) { _ = try DeviceFile.open(path: terminal.slavePath) }
    }

    @Test func unsupportedBaudRateIsRefused() throws {
        let terminal = try PseudoTerminal()
        defer {
            DeviceFile.close(terminal.master)
            terminal.closeSlave()
        }
        #expect(throws: DeviceIOError(.openFailed)) {
            _ = try SerialLine.open(path: terminal.slavePath, settings: SerialSettings(baudRate: 12345))
        }
    }
}
