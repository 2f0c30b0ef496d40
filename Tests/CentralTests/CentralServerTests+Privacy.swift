// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import SyncProtocol
import Testing

extension CentralServerTests {
    @Test func auditLogRecordsPushesAndPulls() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            _ = try await kiosk.push([
                TestKiosk.caseOperation(1), TestKiosk.caseOperation(2, TestKiosk.capture(matter: "NOPE")),
            ])
            _ = try await kiosk.pull(.bookings)
            let rows = try await harness.sql(
                """
                SELECT action || ':' || coalesce(stream, '-') || ':' || outcome || ':' || operations || ':' || applied || ':'
                    || rejected || ':' || point_id FROM audit_log WHERE device_id = '\(kiosk.deviceID)' ORDER BY audit_id
                """)
            #expect(
                rows.split(separator: "\n") == [
                    "enroll:-:ok:0:0:0:320102-001", "push:-:ok:2:1:1:320102-001", "pull:bookings:ok:0:0:0:320102-001",
                ])
        }
    }

    @Test func idNumberIsNeverInTheLogOrOnDiskInClear() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            #expect(
                try await kiosk.push([
                    TestKiosk.caseOperation(1), TestKiosk.caseOperation(2, TestKiosk.capture(phone: "1")),
                ]).status == 200)
            _ = try await harness.sql("CHECKPOINT")
            #expect(try await harness.sql("SELECT masked_number FROM cases") == "1101**********002X")
            let needles = [Data(TestKiosk.idNumber.utf8), Data("张三".utf8)]
            for needle in needles { #expect(!harness.log.text.contains(String(decoding: needle, as: UTF8.self))) }
            #expect(harness.log.text.contains("Push recorded"))
            // The contact phone is stored in clear: finding it proves the scan reaches the rows on disk.
            var phoneFound = false
            for file in harness.cluster.dataFiles() {
                guard let contents = try? Data(contentsOf: file) else { continue }
                phoneFound = phoneFound || contents.range(of: Data("13800138000".utf8)) != nil
                for needle in needles { #expect(contents.range(of: needle) == nil, "\(file.path)") }
            }
            #expect(phoneFound)
            #expect(try await harness.sql("SELECT count(*) FROM cases WHERE holder_key LIKE 'h1:%'") == "1")
        }
    }
}
