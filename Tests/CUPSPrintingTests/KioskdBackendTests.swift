// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting
import Foundation
import KioskTesting
import PrinterLink
import Testing

/// The built `kioskd-cups-backend`: run directly as cupsd would, and installed in a private cupsd against
/// the pty printer emulator.
@Suite struct KioskdBackendTests {
    @Test func noArgumentsListsTheScheme() async throws {
        let run = try await runBackend([])
        #expect(run.status == 0)
        #expect(run.output.split(separator: "\n").first == #"direct kioskd "Unknown" "kioskd ESC/POS receipt printer""#)
    }

    @Test func wrongArgumentCountPrintsUsageAndFails() async throws {
        let run = try await runBackend(["1", "root"])
        #expect(run.status == 1)
        #expect(run.errors.contains("Usage:"))
    }

    @Test(arguments: [
        "kioskd:dev/usb/lp0", "kioskd:/dev/usb/lp0?status=maybe", "kioskd:/dev/ttyUSB0?baud=1200",
        "kioskd:/dev/usb/lp0?colour=red", "kioskd:/dev/usb/lp0?on-paper-out=wait", "usb:/dev/usb/lp0",
        "kioskd:/dev/../etc/passwd",
    ])
    func badDeviceURIStopsTheQueue(uri: String) async throws {
        let run = try await runBackend(["1", "root", "ticket", "1", ""], deviceURI: uri, input: ticketBytes)
        #expect(run.status == 4)
        #expect(run.errors.contains("ERROR: Bad device URI"))
    }

    @Test func missingPrinterIsOfflineAndRetried() async throws {
        let run = try await runBackend(
            ["1", "root", "ticket", "1", ""], deviceURI: "kioskd:/dev/kioskd/printer-none", input: ticketBytes)
        #expect(run.status == 6)
        #expect(run.errors.contains("STATE: +offline-report"))
    }

    @Test(arguments: [
        (PrinterFault.paperOut, "?on-paper-out=retry", Int32(6), "STATE: +media-empty-error"),
        (.paperOut, "?on-paper-out=stop", 4, "STATE: +media-empty-error"),
        (.coverOpen, "", 6, "STATE: +door-open-error"),
        (.noAnswer, "", 6, "STATE: +offline-report"),
    ])
    func printerThatCannotPrintIsReportedAndTheJobKept(
        fault: PrinterFault, query: String, status: Int32, line: String
    ) async throws {
        let emulator = try PrinterEmulator(fault: fault)
        async let served: Void = emulator.run()
        let run = try await runBackend(
            ["7", "root", "ticket", "1", ""], deviceURI: "kioskd:\(emulator.devicePath)\(query)", input: ticketBytes)
        await emulator.close()
        await served
        #expect(run.status == status)
        #expect(run.errors.contains(line))
        #expect(run.errors.contains("ERROR: "))
        #expect(emulator.jobs.isEmpty)
    }

    @Test func healthyPrinterGetsTheJobAndStaleReasonsAreCleared() async throws {
        let emulator = try PrinterEmulator(fault: .paperNearEnd)
        async let served: Void = emulator.run()
        let run = try await runBackend(
            ["7", "root", "ticket", "1", ""], deviceURI: "kioskd:\(emulator.devicePath)", input: ticketBytes)
        let jobs = await emulator.waitForJobs(count: 1, timeout: .seconds(5))
        await emulator.close()
        await served
        #expect(run.status == 0)
        #expect(jobs == [ticketBytes])
        #expect(run.errors.contains("STATE: +media-low-report"))
        #expect(run.errors.contains("STATE: -media-empty-error,door-open-error,offline-report,other-error"))
    }

    @Test func paperOutReachesCupsdAndPaperBackPrintsTheJob() async throws {
        try await withPrivateCUPS(kioskdScheme: .kioskdBackend) { cups in
            let emulator = try PrinterEmulator(
                symlinkPath: cups.root.appendingPathComponent("printer-front").path, fault: .paperOut)
            async let served: Void = emulator.run()
            do {
                try await cups.addQueue("front", deviceURI: "kioskd:\(emulator.devicePath)")
                let client = CUPSClient(configuration: .init(server: cups.server), logger: testLogger)
                let job = try await client.submit(ticketBytes, to: "front", title: "ticket")
                let held = try await client.follow(jobID: job.id, timeout: .seconds(30))
                #expect(held.state == .held)
                let paperOut = await client.printerStatus(queue: "front")
                #expect(paperOut.condition == .paperOut)
                #expect(paperOut.reasons.contains("media-empty-error"))
                #expect(emulator.jobs.isEmpty)

                emulator.inject(.none)
                let done = try await waitForJob(client, id: job.id) { $0.state.isFinished }
                #expect(done.state == .completed)
                #expect(await emulator.waitForJobs(count: 1, timeout: .seconds(5)) == [ticketBytes])
                #expect(await client.printerStatus(queue: "front").condition == .ready)
            } catch {
                await emulator.close()
                await served
                throw error
            }
            await emulator.close()
            await served
        }
    }
}
