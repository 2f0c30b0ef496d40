// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import KioskTestingTraits
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Sync under faults, from real processes (research/offline-sync.md §3.2): the kiosk killed with `SIGKILL` at
/// named points of a push, the central server killed, PostgreSQL stopped immediately, the server's database
/// restored from an older backup, and statuses set on the server. After each, ``SyncChecker`` asserts that every
/// receipted case is on the server exactly once, nothing there lacks a receipt, the device's ledger is 1…N, and
/// the kiosk shows the server's case numbers and statuses.
///
/// The kiosks run with `[sync] interval_seconds = 3600` unless a scenario needs pulls without captures: rounds
/// then start only from captures, restarts and backoff, so each fault meets the request the scenario means.
@Suite(.serialized, .privatePostgres)
struct SyncFaultTests {
    /// Where in a push the kiosk is killed.
    enum KillPoint: String, CaseIterable, Sendable {
        /// The push hangs in the proxy: the server never saw it.
        case beforeSend
        /// The push stalls after 600 bytes, inside its body: the head (request line, host, content type and
        /// encoding, length, three signature headers) is about 400 bytes and a one-case gzip body about 500, as
        /// the kiosk's debug log (`sync.push.compressed_bytes`) shows. The server waits for the rest.
        case midBody
        /// The server committed the push and the proxy dropped its answer: the acknowledgement was never stored.
        case afterServerCommit
    }

    @Test(arguments: KillPoint.allCases)
    func aKioskKilledDuringAPushSendsItAgainAfterARestart(at point: KillPoint) async throws {
        let rig = try await SyncRig("sync-kill-\(point.rawValue)")
        let kiosk = try await rig.startKiosk()
        try await rig.capture(1)
        try await kiosk.waitUntilDrained()
        let before = rig.proxy.statistics
        switch point {
        case .beforeSend:
            try await rig.setFault(.hang)
            let unsent = try await rig.capture(2)
            _ = try await eventually("the push hangs in the proxy", within: 30) {
                rig.proxy.statistics.connections > before.connections ? true : nil
            }
            #expect(try await rig.serverCount(of: unsent) == 0)
        case .midBody:
            try await rig.setFault(.stall(after: 600, of: .request))
            let unsent = try await rig.capture(2)
            _ = try await eventually("the push stalls mid-body", within: 30) {
                rig.proxy.statistics.stalledConnections > before.stalledConnections ? true : nil
            }
            #expect(try await rig.serverCount(of: unsent) == 0)
        case .afterServerCommit:
            try await rig.setFault(.dropResponseAfterRequest)
            let committed = try await rig.capture(2)
            _ = try await eventually("the server commits a push whose answer is lost", within: 30) {
                let dropped = rig.proxy.statistics.droppedResponses > before.droppedResponses
                return try await rig.serverCount(of: committed) == 2 && dropped ? true : nil
            }
            #expect(try await kiosk.pendingCount() == 2, "the kiosk stored an acknowledgement it never received")
        }
        try await rig.stopKiosk(signal: SIGKILL)
        try await rig.setFault(.pass)
        try await rig.restartKiosk().waitUntilDrained()
        try await SyncChecker(rig: rig).verify()
        try await rig.finish()
    }

    @Test func nothingIsLostWhenTheServerIsKilledAndPostgresStopsImmediately() async throws {
        let rig = try await SyncRig("sync-server-crash")
        let kiosk = try await rig.startKiosk()
        try await rig.capture(1)
        try await kiosk.waitUntilDrained()

        try await rig.central.stop(signal: SIGKILL)
        try await rig.capture(2)
        try await Self.waitForAFailedRound(of: kiosk)
        try await rig.central.start()
        try await rig.capture(1)
        try await kiosk.waitUntilDrained()

        try await rig.cluster.stop()
        do {
            try await rig.capture(2)
            try await Self.waitForAFailedRound(of: kiosk)
        } catch {
            try await rig.cluster.start()
            throw error
        }
        try await rig.cluster.start()
        try await rig.capture(1)
        try await kiosk.waitUntilDrained()
        try await SyncChecker(rig: rig).verify()
        try await rig.finish()
    }

    @Test func aServerRestoredFromAnOlderBackupGetsTheLostCasesAgain() async throws {
        let rig = try await SyncRig("sync-restore")
        let kiosk = try await rig.startKiosk()
        try await rig.capture(2)
        try await kiosk.waitUntilDrained()
        // The backup holds the server's copy of cases (contact phones among them): it stays in the cluster's
        // temporary directory, out of the runs folder the personal-data scan reads, and goes with the cluster.
        let backup = rig.cluster.root.appendingPathComponent("\(rig.database).backup")
        try await rig.cluster.backUp(database: rig.database, to: backup)
        let lost = try await rig.capture(2)
        try await kiosk.waitUntilDrained()
        #expect(try await rig.serverCount(of: lost) == 2)

        try await rig.central.stop(signal: SIGTERM)
        try await rig.cluster.restore(database: rig.database, from: backup)
        #expect(try await rig.serverCount(of: lost) == 0)
        try await rig.central.start()
        try await rig.capture(1)
        try await kiosk.waitUntilDrained()
        #expect(try await kiosk.syncStatus()["last_acked_seq"]?.intValue == 5)
        try await SyncChecker(rig: rig).verify()
        try await rig.finish()
    }

    @Test func statusesSetOnTheServerReachTheKiosk() async throws {
        let rig = try await SyncRig("sync-status")
        let kiosk = try await rig.startKiosk(intervalSeconds: 5)
        let captured = try await rig.capture(3)
        try await kiosk.waitUntilDrained()
        let note = "请补交户口簿复印件"
        for (receipt, status, note) in [
            (captured[0], "in_progress", nil), (captured[0], "completed", nil), (captured[1], "returned", note),
            (captured[2], "rejected", nil),
        ] {
            var arguments = ["case", "set-status", receipt.caseID, status]
            if let note { arguments += ["--note", note] }
            let outcome = try await rig.central.command(arguments)
            #expect(outcome.status == 0, "\(outcome.errorText)")
        }
        try await SyncChecker(rig: rig).verify(convergingWithin: 60)
        let listed = try await kiosk.cases()
        #expect(listed[captured[0].caseID]?["sync"]?["server_status"]?.stringValue == "completed")
        #expect(listed[captured[1].caseID]?["sync"]?["server_note"]?.stringValue == note)
        try await rig.finish()
    }

    /// Waits until the kiosk has counted a failed sync round.
    private static func waitForAFailedRound(of kiosk: SyncKiosk) async throws {
        _ = try await eventually("a sync round fails", within: 30) {
            (try await kiosk.syncStatus()["consecutive_failures"]?.intValue ?? 0) > 0 ? true : nil
        }
    }
}
