// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// The invariants of sync once the faults stopped (research/offline-sync.md §3.2), checked against PostgreSQL
/// itself and the receipts the kiosk handed out:
/// - every receipted case is on the server exactly once (by case id and by receipt number);
/// - nothing on the server lacks a receipt;
/// - each device's ledger (`mutations`) holds sequences 1…N without a gap, `devices.last_seq` is N, and every
///   case row has its applied ledger row;
/// - status converges: the kiosk's case list shows each case acknowledged, with the server's case number and
///   the server's status.
struct SyncChecker {
    /// The rig whose server and kiosk are checked.
    let rig: SyncRig

    /// A case as the server holds it.
    private struct ServerCase {
        var receiptNumber: String
        var caseNumber: String
        var status: String
    }

    /// Checks everything; the kiosk's view is waited for (it pulls statuses after it pushes), the server's is not.
    /// - Parameter seconds: How long the kiosk may take to show the server's case numbers and statuses.
    func verify(convergingWithin seconds: Int = 60) async throws {
        let server = try await serverCases()
        try await verifyLedger()
        let receipts = rig.receipts
        for receipt in receipts {
            let copies = server[receipt.caseID] ?? []
            #expect(copies.count == 1, "receipt \(receipt.receiptNumber): its case is on the server \(copies.count) times")
            #expect(copies.first?.receiptNumber == receipt.receiptNumber, "receipt \(receipt.receiptNumber): another number on the server")
        }
        let byReceipt = Dictionary(grouping: server.values.joined(), by: \.receiptNumber)
        for (number, copies) in byReceipt where copies.count > 1 {
            Issue.record("receipt \(number) is on the server \(copies.count) times")
        }
        let receipted = Set(receipts.map(\.caseID))
        let unreceipted = server.keys.filter { !receipted.contains($0) }
        #expect(unreceipted.isEmpty, "server cases without a kiosk receipt: \(unreceipted.sorted())")
        try await verifyConvergence(with: server.compactMapValues(\.first), within: seconds)
    }

    /// The server's cases by case id (a list, so that a duplicate would show).
    private func serverCases() async throws -> [String: [ServerCase]] {
        let rows = try await rig.sql("SELECT case_id, receipt_number, case_number, status FROM cases")
        var cases: [String: [ServerCase]] = [:]
        for row in rows where row.count == 4 {
            cases[row[0], default: []].append(ServerCase(receiptNumber: row[1], caseNumber: row[2], status: row[3]))
        }
        return cases
    }

    /// Each device's ledger is 1…N, `last_seq` is N, and every case has its applied ledger row.
    private func verifyLedger() async throws {
        let ledgers = try await rig.sql(
            """
            SELECT d.device_id, d.last_seq, count(m.seq), coalesce(min(m.seq), 0), coalesce(max(m.seq), 0)
            FROM devices d LEFT JOIN mutations m USING (device_id) GROUP BY d.device_id, d.last_seq
            """)
        #expect(!ledgers.isEmpty, "no device on the server")
        for row in ledgers where row.count == 5 {
            let (device, lastSeq, count, low, high) = (row[0], Int(row[1]), Int(row[2]), Int(row[3]), Int(row[4]))
            #expect(count == high && (count == 0 || low == 1), "device \(device): \(row[2]) ledger rows span \(row[3])…\(row[4])")
            #expect(lastSeq == high, "device \(device): last_seq \(row[1]) but the ledger ends at \(row[4])")
        }
        let orphans = try await rig.sql(
            """
            SELECT c.receipt_number FROM cases c LEFT JOIN mutations m ON m.device_id = c.device_id AND m.seq = c.seq
            WHERE m.seq IS NULL OR m.result <> 'applied' OR m.kind <> 'case_captured'
            """)
        #expect(orphans.isEmpty, "cases without their applied ledger row: \(orphans)")
    }

    /// Waits until the kiosk lists every receipted case acknowledged with the server's number and status.
    private func verifyConvergence(with server: [String: ServerCase], within seconds: Int) async throws {
        let kiosk = try #require(rig.kiosk)
        let deadline = ContinuousClock.now + .seconds(seconds)
        var lagging: [String] = []
        repeat {
            let listed = try await kiosk.cases()
            lagging = rig.receipts.compactMap { receipt in
                let sync = listed[receipt.caseID]?["sync"]
                let shown = [
                    sync?["state"]?.stringValue, sync?["server_case_number"]?.stringValue,
                    sync?["server_status"]?.stringValue,
                ]
                let expected = ["acknowledged", server[receipt.caseID]?.caseNumber, server[receipt.caseID]?.status]
                return shown == expected ? nil : "\(receipt.receiptNumber): kiosk \(shown), server \(expected)"
            }
            if lagging.isEmpty { return }
            try await Task.sleep(for: .milliseconds(250))
        } while ContinuousClock.now < deadline
        Issue.record("the kiosk did not converge on the server's cases within \(seconds) s: \(lagging)")
    }
}
