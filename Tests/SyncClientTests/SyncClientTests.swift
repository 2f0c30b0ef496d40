// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SyncClient
import SyncProtocol
import Testing

/// The sync client against a real in-process HTTP server with a per-device ledger.
struct SyncClientTests {
    @Test func pushesEveryPendingOperationInSignedGzippedBatches() async throws {
        let harness = Harness()
        await harness.outbox.append(5, padding: 400)
        try await withLedgerServer(harness.ledger) { port in
            let client = try harness.client(port: port) { $0.batchOperations = 2 }
            try await whileRunning(client) {
                #expect(await eventually { await harness.outbox.ackedThrough == 5 })
            }
        }
        let pushes = await harness.ledger.pushes
        #expect(pushes.map(\.seqs) == [[1, 2], [3, 4], [5]])
        #expect(pushes.allSatisfy { $0.signatureValid && $0.contentEncoding == "gzip" && $0.bodyBytes * 3 < $0.jsonBytes })
        #expect(await harness.ledger.applications == [1: 1, 2: 1, 3: 1, 4: 1, 5: 1])
        #expect(await harness.outbox.acknowledgements == [2, 4, 5])
        let status = await harness.outbox.status()
        #expect(status.pendingCount == 0 && status.oldestPendingCreatedAt == nil)
    }

    @Test func afterEachGoodRoundTheClientReportsItsBacklogSigned() async throws {
        let harness = Harness()
        await harness.outbox.append(2)
        await harness.ledger.set(rejecting: [2])
        try await withLedgerServer(harness.ledger) { port in
            let client = try harness.client(port: port) { $0.softwareVersion = "kioskd test" }
            try await whileRunning(client) {
                #expect(await eventually { await harness.ledger.reports.count == 1 })
            }
        }
        let (report, signatureValid) = try #require(await harness.ledger.reports.first)
        #expect(signatureValid)
        #expect(report.pendingCount == 0 && report.oldestPendingCreatedAt == nil && report.rejectedCount == 1)
        #expect(report.softwareVersion == "kioskd test" && report.lastError == nil)
    }

    @Test func batchesStayWithinTheByteBudget() async throws {
        let harness = Harness()
        await harness.outbox.append(6, padding: 1_000)
        try await withLedgerServer(harness.ledger) { port in
            let client = try harness.client(port: port) { $0.batchBytes = 2_500 }
            try await whileRunning(client) {
                #expect(await eventually { await harness.outbox.ackedThrough == 6 })
            }
        }
        let pushes = await harness.ledger.pushes
        #expect(pushes.count >= 3)
        #expect(pushes.allSatisfy { $0.jsonBytes <= 2_500 })
    }

    @Test func rejectedOperationsAreRecordedAndTheMarkAdvances() async throws {
        let harness = Harness()
        await harness.outbox.append(3)
        await harness.ledger.set(rejecting: [2])
        try await withLedgerServer(harness.ledger) { port in
            try await whileRunning(try harness.client(port: port)) {
                #expect(await eventually { await harness.outbox.ackedThrough == 3 })
            }
        }
        #expect(await harness.outbox.rejected == [2: "事项已停办"])
        #expect(await harness.outbox.status().rejectedCount == 1)
    }

    @Test func unauthorizedStopsTheClientWithAClearError() async throws {
        let harness = Harness()
        await harness.outbox.append(2)
        await harness.ledger.set(revoked: true)
        try await withLedgerServer(harness.ledger) { port in
            let client = try harness.client(port: port)
            await #expect(throws: SyncClientError(.deviceRevoked, "")) { try await client.run() }
            let status = try await client.status()
            #expect(status.stopped)
            #expect(status.pendingCount == 2)
            #expect(status.lastError?.contains("device revoked or not enrolled") == true)
        }
        #expect(await harness.outbox.acknowledgements.isEmpty)
    }

    @Test func aRestoredServerGetsTheOperationsAgainFromItsExpectedSeq() async throws {
        let harness = Harness()
        await harness.outbox.append(4)
        try await withLedgerServer(harness.ledger) { port in
            let client = try harness.client(port: port)
            try await whileRunning(client) {
                #expect(await eventually { await harness.outbox.ackedThrough == 4 })
                await harness.ledger.restore(to: 1)
                await harness.outbox.append(2)
                client.notifyLocalWrite()
                #expect(await eventually { await harness.outbox.ackedThrough == 6 })
            }
        }
        #expect(await harness.ledger.lastSeq == 6)
        #expect(await harness.ledger.applications == [1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1])
        #expect(await harness.ledger.pushes.contains { $0.status == 409 && $0.seqs.first == 5 })
    }

    @Test func aLocalWriteWakesTheLoopBeforeTheTimer() async throws {
        let harness = Harness()
        try await withLedgerServer(harness.ledger) { port in
            let client = try harness.client(port: port)
            try await whileRunning(client) {
                #expect(await eventually { await harness.outbox.successes == 1 })
                await harness.outbox.append(1)
                client.notifyLocalWrite()
                #expect(await eventually { await harness.outbox.ackedThrough == 1 })
                await harness.outbox.append(1)
                client.notifyReachabilityChange()
                #expect(await eventually { await harness.outbox.ackedThrough == 2 })
            }
        }
    }

    @Test func aServerSheddingLoadIsLeftAloneForItsRetryAfter() async throws {
        let harness = Harness()
        await harness.outbox.append(1)
        await harness.ledger.set(failingPushes: 1, retryAfterSeconds: 1)
        try await withLedgerServer(harness.ledger) { port in
            let client = try harness.client(port: port)
            try await whileRunning(client) {
                #expect(await eventually { await harness.outbox.ackedThrough == 1 })
            }
        }
        let pushes = await harness.ledger.pushes
        #expect(pushes.map(\.status) == [429, 200])
        // The backoff alone would retry within 20 ms; the server asked for a second.
        if pushes.count == 2 { #expect(pushes[1].at - pushes[0].at >= .seconds(1)) }
    }

    @Test func serverErrorsBackOffAndTheNextSuccessResetsTheFailures() async throws {
        let harness = Harness()
        await harness.outbox.append(3)
        await harness.ledger.set(failingPushes: 3)
        try await withLedgerServer(harness.ledger) { port in
            let client = try harness.client(port: port)
            try await whileRunning(client) {
                #expect(await eventually { await harness.outbox.ackedThrough == 3 })
                // The count resets once the round that succeeded has ended.
                #expect(await eventually { (try? await client.status())?.consecutiveFailures == 0 })
            }
        }
        #expect(await harness.ledger.pushes.map(\.status) == [503, 503, 503, 200])
        #expect(await harness.outbox.lastError?.hasPrefix("serverError") == true)
        #expect(await harness.outbox.acknowledgements == [3])
    }

    @Test func pullAppliesPagesWithTheirCursorsAndStartsOverOnMustResync() async throws {
        let harness = Harness()
        let matters = (1...5).map {
            MatterEntry(
                code: "M\($0)", name: "事项\($0)", department: "民政", materials: [], allowsDeferral: false, promisedDays: 5,
                retired: false, version: Int64($0))
        }
        await harness.ledger.setCatalogue(matters)
        try await withLedgerServer(harness.ledger) { port in
            let client = try harness.client(port: port)
            try await whileRunning(client) {
                #expect(await eventually { await harness.inbox.cursors[.catalogue] == "at 5" })
                #expect(await harness.inbox.matters.count == 5)
                #expect(await harness.ledger.pullCursors == [nil, "at 2", "at 4"])
                await harness.ledger.setCatalogue(matters, resyncCursor: "at 5")
                client.notifyLocalWrite()
                #expect(await eventually { await harness.inbox.resets == [.catalogue] })
                #expect(await eventually { await harness.inbox.matters.count == 5 })
            }
        }
    }

    @Test func plainHTTPIsRefusedOffLoopback() throws {
        let harness = Harness()
        #expect(throws: SyncClientError(.insecureServer, "")) {
            _ = try SyncClient(
                configuration: .init(server: URL(string: "http://central.example.gov.cn")!), identity: harness.identity,
                outbox: harness.outbox, inbox: harness.inbox, logger: Logger(label: "test"))
        }
    }
}
