// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Central
import Crypto
import Foundation
import KioskTesting
import KioskTestingTraits
import Logging
import SyncProtocol
import Testing

/// The real kiosk-central against a private PostgreSQL 15: migrations, enrolment, the ledger, pulls, privacy.
@Suite(.privatePostgres)
struct CentralServerTests {
    @Test func migratesFromEmptyAndAgainIsANoOp() async throws {
        try await CentralHarness.with { harness async throws in
            let logger = Logger(label: "test")
            #expect(try await Migrator.appliedVersions(harness.client, logger: logger) == [1, 2])
            #expect(try await Migrator.migrate(harness.client, logger: logger) == [])
            #expect(try await harness.sql("SELECT count(*) FROM schema_migrations") == "2")
            #expect(try await harness.sql("SELECT count(*) FROM server_settings WHERE name = 'epoch'") == "1")
        }
    }

    @Test func enrolmentCodeWorksOnceAndNotAfterExpiry() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.store.addPoint("P1", name: "一号点")
            let code = try await harness.store.makeEnrollmentCode(for: "P1", expiresAt: Date().addingTimeInterval(600))
            let first = try await harness.enrol(code: code, key: Curve25519.Signing.PrivateKey())
            #expect(first.status == 201)
            let enrolled = try JSONDecoder().decode(EnrollResponse.self, from: first.body)
            #expect(enrolled.pointID == "P1" && enrolled.pointName == "一号点")
            let second = try await harness.enrol(code: code, key: Curve25519.Signing.PrivateKey())
            #expect(second.status == 403 && second.errorCode == "code_used")
            let old = try await harness.store.makeEnrollmentCode(for: "P1", expiresAt: Date().addingTimeInterval(-1))
            let expired = try await harness.enrol(code: old, key: Curve25519.Signing.PrivateKey())
            #expect(expired.status == 403 && expired.errorCode == "code_expired")
            #expect(try await harness.sql("SELECT count(*) FROM devices") == "1")
            #expect(try await harness.sql("SELECT count(*) FROM enrollment_codes WHERE code_hash = '\(code)'") == "0")
        }
    }

    @Test func batchIsAppliedAndItsReplayReturnsStoredResults() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            let batch = [TestKiosk.caseOperation(1), TestKiosk.caseOperation(2)]
            let first = try await kiosk.push(batch)
            #expect(first.status == 200)
            let applied = try TestKiosk.results(first)
            #expect(applied.ackedThroughSeq == 2)
            #expect(applied.results.map(\.status) == [.applied, .applied])
            let replay = try TestKiosk.results(try await kiosk.push(batch, lastAcked: 0))
            #expect(replay.ackedThroughSeq == 2)
            #expect(replay.results.map(\.status) == [.duplicate, .duplicate])
            #expect(replay.results.map(\.caseNumber) == applied.results.map(\.caseNumber))
            #expect(try await harness.sql("SELECT count(*) FROM cases") == "2")
            #expect(try await harness.sql("SELECT count(*) FROM mutations") == "2")
            #expect(try await harness.sql("SELECT last_seq FROM devices") == "2")
        }
    }

    @Test func gapIsRefusedWithTheExpectedSequence() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            #expect(try await kiosk.push([TestKiosk.caseOperation(1)]).status == 200)
            let gap = try await kiosk.push([TestKiosk.caseOperation(3)], lastAcked: 1)
            #expect(gap.status == 409)
            #expect(try JSONDecoder().decode(PushGap.self, from: gap.body).expectedSeq == 2)
            #expect(try await harness.sql("SELECT count(*) FROM cases") == "1")
        }
    }

    @Test func deviceAheadOfARestoredServerIsAskedToResend() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            #expect(try await kiosk.push([TestKiosk.caseOperation(1)]).status == 200)
            let behind = try await kiosk.push([], lastAcked: 5)
            #expect(behind.status == 409)
            #expect(try JSONDecoder().decode(PushGap.self, from: behind.body).expectedSeq == 2)
        }
    }

    @Test func rejectedOperationAdvancesTheSequence() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            let answer = try TestKiosk.results(
                try await kiosk.push([
                    TestKiosk.caseOperation(1, TestKiosk.capture(matter: "NOPE")),
                    TestKiosk.caseOperation(2, TestKiosk.capture(matter: "M-OLD")),
                    TestKiosk.caseOperation(3, TestKiosk.capture(phone: "12345")),
                ]))
            #expect(answer.ackedThroughSeq == 3)
            #expect(answer.results.map(\.status) == [.rejected, .rejected, .rejected])
            #expect(answer.results.map(\.reason) == ["事项不存在", "事项已停办", "联系电话无效"])
            let next = try TestKiosk.results(try await kiosk.push([TestKiosk.caseOperation(4)], lastAcked: 3))
            #expect(next.results.map(\.status) == [.applied])
            let replay = try TestKiosk.results(
                try await kiosk.push([TestKiosk.caseOperation(1, TestKiosk.capture(matter: "NOPE"))]))
            #expect(replay.results.first?.status == .rejected && replay.results.first?.reason == "事项不存在")
        }
    }

    @Test func revokedUnsignedSkewedAndTamperedRequestsGet401() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            let skewed = try await kiosk.push([TestKiosk.caseOperation(1)], clockOffset: -3600)
            #expect(skewed.status == 401 && skewed.errorCode == "clock_skew")
            let tampered = try await kiosk.push([TestKiosk.caseOperation(1)], tamper: true)
            #expect(tampered.status == 401 && tampered.errorCode == "bad_signature")
            let unsigned = try await WireResponse.send(
                "POST", harness.baseURL.appendingPathComponent("sync/v1/push"), body: Data("{}".utf8))
            #expect(unsigned.status == 401 && unsigned.errorCode == "unsigned")
            try await harness.store.revoke(kiosk.deviceID)
            let revoked = try await kiosk.push([TestKiosk.caseOperation(1)])
            #expect(revoked.status == 401 && revoked.errorCode == "device_revoked")
            #expect(try await kiosk.pull(.catalogue).status == 401)
            #expect(try await harness.sql("SELECT count(*) FROM cases") == "0")
            #expect(
                try await harness.sql(
                    "SELECT string_agg(outcome, ',' ORDER BY audit_id) FROM audit_log WHERE action = 'push'")
                    == "clock_skew,bad_signature,device_revoked")
        }
    }

    @Test func caseIsFiledUnderTheDevicesPointAndCannotTakeAnotherPointsCase() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let first = try await harness.enrolKiosk(point: "P1")
            let other = try await harness.enrolKiosk(point: "P2")
            let capture = TestKiosk.capture()
            #expect(
                try TestKiosk.results(try await first.push([TestKiosk.caseOperation(1, capture)])).results.first?.status
                    == .applied)
            let stolen = try TestKiosk.results(try await other.push([TestKiosk.caseOperation(1, capture)]))
            #expect(stolen.results.first?.status == .rejected)
            #expect(try await harness.sql("SELECT point_id || '/' || device_id FROM cases") == "P1/\(first.deviceID)")
            let own = try TestKiosk.results(try await other.push([TestKiosk.caseOperation(2)], lastAcked: 1))
            #expect(own.results.first?.status == .applied)
            #expect(try await harness.sql("SELECT count(*) FROM cases WHERE point_id = 'P2'") == "1")
        }
    }

    @Test func gzipBodyIsAccepted() async throws {
        try await CentralHarness.with { harness async throws in
            try await harness.importCatalogue()
            let kiosk = try await harness.enrolKiosk()
            let answer = try await kiosk.push([TestKiosk.caseOperation(1)], gzip: true)
            #expect(answer.status == 200)
            #expect(try TestKiosk.results(answer).results.first?.status == .applied)
            // 9 MiB of zeros gzip to a few KiB: the expansion, not the upload, is what the limit stops.
            let bomb = try await ProcessRunner.run(
                URL(fileURLWithPath: "/bin/gzip"), ["-c"], input: Data(count: 9 * 1024 * 1024)
            ).output
            let refused = try await kiosk.send(rawBody: bomb, gzip: true)
            #expect(
                refused.status == 413 && refused.errorCode == "too_large",
                "\(refused.status) \(String(decoding: refused.body, as: UTF8.self))")
        }
    }
}
