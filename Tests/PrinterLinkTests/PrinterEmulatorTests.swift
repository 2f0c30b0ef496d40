// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import PrinterLink
import Testing

@Suite struct PrinterEmulatorTests {
    /// Runs `body` with a device opened on a serving emulator, then unplugs it.
    static func withPrinter(
        fault: PrinterFault = .none,
        _ body: (PrinterEmulator, PrinterDevice) async throws -> Void
    ) async throws {
        let emulator = try PrinterEmulator(fault: fault)
        async let served: Void = emulator.run()
        let device = try await PrinterDevice(path: emulator.devicePath)
        do {
            try await body(emulator, device)
        } catch {
            await device.close()
            await emulator.close()
            await served
            throw error
        }
        await device.close()
        await emulator.close()
        await served
    }

    @Test(arguments: [
        (PrinterFault.none, PrinterState.ready), (.paperNearEnd, .paperNearEnd), (.paperOut, .paperOut),
        (.coverOpen, .coverOpen), (.noAnswer, .noAnswer),
    ])
    func statusFollowsTheFault(fault: PrinterFault, state: PrinterState) async throws {
        try await Self.withPrinter(fault: fault) { _, device in
            // 2 s, as the backend waits: a loaded two-core machine may not run the emulator for half a second.
            let answered = try await device.state(timeout: .seconds(2))
            #expect(answered == state)
        }
    }

    @Test func faultCanChangeBetweenQueries() async throws {
        try await Self.withPrinter(fault: .paperOut) { emulator, device in
            let before = try await device.state(timeout: .seconds(1))
            emulator.inject(.none)
            let after = try await device.state(timeout: .seconds(1))
            #expect(before == .paperOut)
            #expect(after == .ready)
            #expect(emulator.statusRequests == 6)
        }
    }

    @Test func jobBytesArriveUnchangedWithoutTheStatusRequests() async throws {
        // ESC @, GB18030 text, a cut: bytes any ticket holds, plus every byte value once.
        let job: [UInt8] = [0x1B, 0x40, 0x1C, 0x26, 0xC8, 0xA1, 0xBA, 0xC5, 0x0A, 0x1D, 0x56, 0x01]
            + (0...255).map { UInt8($0) }
        try await Self.withPrinter { emulator, device in
            let before = try await device.state(timeout: .seconds(1))
            try await device.write(job, stallTimeout: .seconds(2))
            let after = try await device.state(timeout: .seconds(1))
            #expect([before, after] == [.ready, .ready])
            let jobs = try #require(await emulator.waitForJobs(count: 1, timeout: .seconds(5)))
            #expect(jobs == [job])
        }
    }

    @Test func quietGapEndsAJob() async throws {
        try await Self.withPrinter { emulator, device in
            try await device.write([0x1B, 0x40, 0x41], stallTimeout: .seconds(2))
            let jobs = try #require(await emulator.waitForJobs(count: 1, timeout: .seconds(5)))
            #expect(jobs == [[0x1B, 0x40, 0x41]])
        }
    }

    @Test func unpluggedPrinterIsDisconnectedAndItsPathGone() async throws {
        let emulator = try PrinterEmulator()
        async let served: Void = emulator.run()
        let device = try await PrinterDevice(path: emulator.devicePath)
        emulator.inject(.unplugged)
        await served
        await #expect(throws: PrinterLinkError(.disconnected)) {
            try await device.write([UInt8](repeating: 0x41, count: 64), stallTimeout: .seconds(2))
            _ = try await device.state(timeout: .seconds(1))
        }
        await device.close()
        await #expect(throws: PrinterLinkError(.openFailed)) { _ = try await PrinterDevice(path: emulator.devicePath) }
    }

    @Test func missingDeviceFailsToOpen() async {
        await #expect(throws: PrinterLinkError(.openFailed)) { _ = try await PrinterDevice(path: "/dev/usb/lp-none") }
    }
}
