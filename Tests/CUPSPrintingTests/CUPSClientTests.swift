// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting
import KioskTesting
import Testing

/// The client against a real private cupsd and its capture backend.
@Suite struct CUPSClientTests {
    @Test func rawJobToTheDefaultDestinationReachesTheBackendByteIdentical() async throws {
        try await withPrivateCUPS { cups in
            try await cups.addQueue("receipt58", deviceURI: "capture:/receipt58")
            try await cups.checked("lpadmin", ["-d", "receipt58"])
            let client = CUPSClient(configuration: .init(server: cups.server), logger: testLogger)
            let job = try await client.submit(ticketBytes, title: "ticket")
            #expect(job.queue == "receipt58")
            let status = try await client.follow(jobID: job.id, timeout: .seconds(30))
            #expect(status.state == .completed)
            #expect(cups.capturedJobs(queue: "receipt58")[job.id] == ticketBytes)
            let printer = await client.printerStatus()
            #expect(printer.condition == .ready)
            #expect(printer.queue == "receipt58")
        }
    }

    @Test func paperOutHoldsTheJobThenStopsTheQueueAndPaperBackPrintsIt() async throws {
        try await withPrivateCUPS { cups in
            try await cups.addQueue("receipt80", deviceURI: "capture:/receipt80")
            let client = CUPSClient(configuration: .init(server: cups.server), logger: testLogger)
            // Backend exits RETRY with media-empty-error: the job is held, the queue stays up.
            try cups.setCaptureFault(queue: "receipt80", "paper-out")
            let job = try await client.submit(ticketBytes, to: "receipt80", title: "ticket")
            let held = try await client.follow(jobID: job.id, timeout: .seconds(30))
            #expect(held.state == .held)
            let paperOut = await client.printerStatus(queue: "receipt80")
            #expect(paperOut.condition == .paperOut)
            #expect(paperOut.reasons.contains("media-empty-error"))
            #expect(!paperOut.isStopped)
            #expect(paperOut.chineseMessage == "打印纸用完了，请装入新纸卷")

            // On the retry the backend exits STOP: the queue stops, the job waits for it.
            try cups.setCaptureFault(queue: "receipt80", "paper-out-stop")
            let stopped = try await waitForPrinter(client, queue: "receipt80") { $0.isStopped }
            #expect(stopped.condition == .paperOut)
            let waiting = try await client.follow(jobID: job.id, timeout: .seconds(10))
            #expect(waiting.state == .pending)
            #expect(cups.capturedJobs(queue: "receipt80").isEmpty)

            // Paper back and the queue resumed: the job prints and the queue is ready.
            try cups.setCaptureFault(queue: "receipt80", nil)
            try await cups.checked("cupsenable", ["receipt80"])
            let done = try await waitForJob(client, id: job.id) { $0.state.isFinished }
            #expect(done.state == .completed)
            #expect(cups.capturedJobs(queue: "receipt80")[job.id] == ticketBytes)
            #expect(await client.printerStatus(queue: "receipt80").condition == .ready)
        }
    }

    @Test func aHeldJobCancelledNeverPrintsWhenThePaperComesBack() async throws {
        try await withPrivateCUPS { cups in
            try await cups.addQueue("held", deviceURI: "capture:/held")
            let client = CUPSClient(configuration: .init(server: cups.server), logger: testLogger)
            try cups.setCaptureFault(queue: "held", "paper-out")
            let job = try await client.submit(ticketBytes, to: "held", title: "ticket")
            #expect(try await client.follow(jobID: job.id, timeout: .seconds(30)).state == .held)
            try await client.cancel(jobID: job.id)
            #expect(try await client.jobStatus(id: job.id).state == .canceled)

            // Paper back: the next job prints, the cancelled one never does.
            try cups.setCaptureFault(queue: "held", nil)
            let next = try await client.submit(ticketBytes, to: "held", title: "next")
            #expect(try await client.follow(jobID: next.id, timeout: .seconds(30)).state == .completed)
            #expect(Set(cups.capturedJobs(queue: "held").keys) == [next.id])
        }
    }

    @Test func removedQueueIsNotFound() async throws {
        try await withPrivateCUPS { cups in
            try await cups.addQueue("gone", deviceURI: "capture:/gone")
            let client = CUPSClient(configuration: .init(server: cups.server), logger: testLogger)
            #expect(await client.printerStatus(queue: "gone").condition == .ready)
            try await cups.checked("lpadmin", ["-x", "gone"])
            #expect(await client.printerStatus(queue: "gone").condition == .notFound)
            await #expect(throws: CUPSError(.notFound)) {
                _ = try await client.submit(ticketBytes, to: "gone", title: "ticket")
            }
        }
    }

    @Test func cupsdKilledMidJobIsAClearErrorWithinTheDeadline() async throws {
        try await withPrivateCUPS { cups in
            try await cups.addQueue("slow", deviceURI: "capture:/slow")
            try cups.setCaptureFault(queue: "slow", "slow")
            let client = CUPSClient(configuration: .init(server: cups.server), logger: testLogger)
            let job = try await client.submit(ticketBytes, to: "slow", title: "ticket")
            _ = try await waitForJob(client, id: job.id) { $0.state == .processing }
            cups.kill()
            let start = ContinuousClock.now
            await #expect(throws: CUPSError(.unreachable)) {
                _ = try await client.follow(jobID: job.id, timeout: .seconds(120))
            }
            // `unreachable`, not `timeout`: the dead cupsd was noticed, not waited out.
            #expect(ContinuousClock.now - start < .seconds(120))
            #expect(await client.printerStatus(queue: "slow").condition == .cupsdUnreachable)
        }
    }

    @Test func hungCupsdIsATimeoutNotAHang() async throws {
        let listener = try SilentListener()
        let client = CUPSClient(
            configuration: .init(server: "127.0.0.1:\(listener.port)", requestTimeout: .seconds(1)),
            logger: testLogger)
        let start = ContinuousClock.now
        await #expect(throws: CUPSError(.timeout)) {
            _ = try await client.submit(ticketBytes, to: "receipt58", title: "ticket")
        }
        // Bounds against a hang, not a timing claim: a loaded two-core run may take several seconds longer.
        #expect(ContinuousClock.now - start < .seconds(30))
        let status = await client.printerStatus(queue: "receipt58")
        #expect(status.condition == .cupsdUnreachable)
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func noCupsdIsUnreachable() async throws {
        let port = try FreePort.find()
        let client = CUPSClient(configuration: .init(server: "127.0.0.1:\(port)"), logger: testLogger)
        await #expect(throws: CUPSError(.unreachable)) {
            _ = try await client.submit(ticketBytes, to: "receipt58", title: "ticket")
        }
        #expect(await client.printerStatus(queue: "receipt58").condition == .cupsdUnreachable)
    }
}
