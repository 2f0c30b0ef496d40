// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import KioskTesting
import SyncClient
import Testing

/// The sync client through the fault proxy: whatever the link does, an outbox row is acknowledged only from a
/// response the client read, and once the link heals every operation is on the server exactly once.
struct SyncClientFaultTests {
    /// A fault, and whether the server committed the batch before the client lost the answer.
    struct Case: Sendable, CustomTestStringConvertible {
        var fault: FaultProxy.Fault
        var serverCommits: Bool
        var testDescription: String { "\(fault)" }
    }

    static let cases: [Case] = [
        Case(fault: .dropResponseAfterRequest, serverCommits: true),
        Case(fault: .hang, serverCommits: false),
        Case(fault: .resetOnAccept, serverCommits: false),
        Case(fault: .reset(after: 120, of: .request), serverCommits: false),
        Case(fault: .cut(after: 150, of: .request), serverCommits: false),
        Case(fault: .cut(after: 20, of: .response), serverCommits: true),
        Case(fault: .reset(after: 20, of: .response), serverCommits: true),
        Case(fault: .delay(request: .zero, response: .milliseconds(1_500)), serverCommits: true),
    ]

    @Test(arguments: cases)
    func nothingIsAcknowledgedUntilAResponseArrivesAndThenExactlyOnce(_ faultCase: Case) async throws {
        let harness = Harness()
        await harness.outbox.append(3, padding: 100)
        try await withLedgerServer(harness.ledger) { port in
            let proxy = try FaultProxy.start(forwardingTo: port)
            defer { proxy.stop() }
            proxy.setFault(faultCase.fault)
            let client = try harness.client(port: proxy.port) { $0.requestTimeout = .seconds(1) }
            try await whileRunning(client) {
                let failedAndRetried = await eventually {
                    let failed = await harness.outbox.lastError != nil
                    return failed && proxy.statistics.connections >= 2
                }
                #expect(failedAndRetried)
                if faultCase.serverCommits {
                    #expect(await eventually { await harness.ledger.lastSeq == 3 })
                } else {
                    #expect(await harness.ledger.lastSeq == 0)
                }
                #expect(await harness.outbox.acknowledgements.isEmpty)
                #expect(await harness.outbox.status().pendingCount == 3)
                proxy.setFault(.pass)
                #expect(await eventually { await harness.outbox.ackedThrough == 3 })
            }
        }
        #expect(await harness.ledger.applications == [1: 1, 2: 1, 3: 1])
        #expect(await harness.outbox.acknowledgements == [3])
        if faultCase.serverCommits {
            #expect(await harness.ledger.duplicatesAnswered.suffix(3) == [1, 2, 3])
        }
    }

    @Test func aTimedOutRequestIsReportedAsATimeout() async throws {
        let harness = Harness()
        await harness.outbox.append(1)
        try await withLedgerServer(harness.ledger) { port in
            let proxy = try FaultProxy.start(forwardingTo: port)
            defer { proxy.stop() }
            proxy.setFault(.hang)
            let client = try harness.client(port: proxy.port) { $0.requestTimeout = .milliseconds(300) }
            try await whileRunning(client) {
                #expect(await eventually { await harness.outbox.lastError?.hasPrefix("timeout") == true })
                let status = try await client.status()
                #expect(status.consecutiveFailures >= 1)
            }
        }
    }

    @Test func cancellingStopsPromptlyDuringAHungRequest() async throws {
        let harness = Harness()
        await harness.outbox.append(1)
        try await withLedgerServer(harness.ledger) { port in
            let proxy = try FaultProxy.start(forwardingTo: port)
            defer { proxy.stop() }
            proxy.setFault(.hang)
            let client = try harness.client(port: proxy.port) { $0.requestTimeout = .seconds(600) }
            var stopped = ContinuousClock.now
            try await whileRunning(client) {
                #expect(await eventually { proxy.statistics.connections == 1 })
                stopped = .now
            }
            // Far below the request's own 600 s timeout: cancellation ended the hung request.
            #expect(ContinuousClock.now - stopped < .seconds(120))
        }
    }
}
