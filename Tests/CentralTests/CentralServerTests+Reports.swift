// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Central
import Foundation
import SyncProtocol
import Testing

extension CentralServerTests {
    @Test func aDeviceReportShowsAnOnlinePointThatIsBehind() async throws {
        try await CentralHarness.with { harness async throws in
            let kiosk = try await harness.enrolKiosk()
            let now = Date()
            var devices = try await harness.store.devices()
            #expect(devices.first?.report == nil)

            let stale = DeviceReport(
                pendingCount: 3, oldestPendingCreatedAt: now.addingTimeInterval(-30 * 3600), rejectedCount: 1,
                lastError: "push: server answered 500", softwareVersion: "kioskd 0.1.0")
            #expect(try await kiosk.report(stale).status == 204)
            devices = try await harness.store.devices()
            let reported = try #require(devices.first?.report)
            #expect(reported.pendingCount == 3 && reported.rejectedCount == 1)
            #expect(reported.lastError == "push: server answered 500" && reported.softwareVersion == "kioskd 0.1.0")
            // Heard from just now, but an operation has waited 30 hours: the point is behind.
            #expect(devices.first?.isBehind(now: now, limit: 24 * 3600) == true)

            let caughtUp = DeviceReport(
                pendingCount: 0, oldestPendingCreatedAt: nil, rejectedCount: 1, lastError: nil, softwareVersion: "kioskd 0.1.0")
            #expect(try await kiosk.report(caughtUp).status == 204)
            #expect(try await harness.store.devices().first?.isBehind(now: now, limit: 24 * 3600) == false)
            #expect(try await harness.sql("SELECT count(*) FROM audit_log WHERE action = 'report'") == "2")

            let bad = try await kiosk.report(
                DeviceReport(pendingCount: -1, oldestPendingCreatedAt: nil, rejectedCount: 0, lastError: nil, softwareVersion: "x"))
            #expect(bad.status == 400)
            try await harness.store.revoke(kiosk.deviceID)
            #expect(try await kiosk.report(caughtUp).status == 401)
        }
    }
}
