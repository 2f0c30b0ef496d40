// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Store
import SyncProtocol
import Testing

/// Capturing a case: one transaction with its outbox entry and receipt number, contiguous sequence numbers
/// never reused, personal data sealed in the file, acknowledgement, rejection and the purge.
struct CaseStoreTests {
    @Test(arguments: CaseFixture.Kind.allCases)
    func aCaptureCommitsTheCaseItsOutboxEntryAndItsReceiptNumber(kind: CaseFixture.Kind) throws {
        let fixture = try CaseFixture(kind)
        let captured = try fixture.cases.capture(CaseFixture.draft())
        #expect(captured.seq == 1)
        #expect(captured.receiptNumber == "R-K0007-000001")
        #expect(captured.maskedName == "王**")
        #expect(captured.syncState == .pending)
        #expect(try fixture.cases.storedCase(id: captured.caseID) == captured)

        let operations = try fixture.cases.operations(after: 0, limit: 10, maxBytes: 1 << 20)
        #expect(operations.map(\.seq) == [1])
        guard case .caseCaptured(let capture) = try #require(operations.first).payload else {
            Issue.record("not a case operation")
            return
        }
        #expect(capture.caseID == captured.caseID)
        #expect(capture.receiptNumber == captured.receiptNumber)
        #expect(capture.applicant.idNumber == CaseFixture.idNumber)
        #expect(capture.contactPhone == CaseFixture.phone)
        #expect(capture.catalogueVersion == 3)
    }

    @Test(arguments: CaseFixture.Kind.allCases)
    func aFailureMidCaptureLeavesNothing(kind: CaseFixture.Kind) throws {
        let fixture = try CaseFixture(kind)
        // The case row is written after the outbox entry and both counters: make it fail there.
        try fixture.store.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON proxy_case BEGIN SELECT RAISE(ABORT, 'injected'); END")
        }
        #expect(throws: StoreError.self) { try fixture.cases.capture(CaseFixture.draft()) }
        let left = try fixture.store.writer.read { db in
            [
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM proxy_case") ?? -1,
                try Int.fetchOne(db, sql: "SELECT SUM(value) FROM counter") ?? -1,
            ]
        }
        #expect(left == [0, 0, 0])
        try fixture.store.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        let captured = try fixture.cases.capture(CaseFixture.draft())
        #expect(captured.seq == 1)
        #expect(captured.receiptNumber == "R-K0007-000001")
    }

    @Test func concurrentCapturesGetContiguousSequenceNumbers() async throws {
        let fixture = try CaseFixture(.disk)
        let cases = fixture.cases
        let captured = try await withThrowingTaskGroup(of: StoredCase.self) { group in
            for _ in 0..<24 {
                group.addTask { try cases.capture(CaseFixture.draft()) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(captured.map(\.seq).sorted() == Array(1...24))
        #expect(Set(captured.map(\.receiptNumber)).count == 24)
        #expect(Set(captured.map(\.caseID)).count == 24)
        let pushed = try cases.operations(after: 0, limit: 100, maxBytes: 1 << 20)
        #expect(pushed.map(\.seq) == Array(1...24))
    }

    @Test func batchesAreCappedByCountAndBytes() throws {
        let fixture = try CaseFixture(.memory)
        for _ in 0..<5 { _ = try fixture.cases.capture(CaseFixture.draft()) }
        #expect(try fixture.cases.operations(after: 0, limit: 2, maxBytes: 1 << 20).map(\.seq) == [1, 2])
        #expect(try fixture.cases.operations(after: 2, limit: 10, maxBytes: 1 << 20).map(\.seq) == [3, 4, 5])
        // One operation always goes, however small the cap; a second does not fit in a few bytes.
        #expect(try fixture.cases.operations(after: 0, limit: 10, maxBytes: 10).map(\.seq) == [1])
    }

    @Test func acknowledgementRejectionAndTheSummary() throws {
        let fixture = try CaseFixture(.memory)
        let first = try fixture.cases.capture(CaseFixture.draft(at: CaseFixture.nine))
        let second = try fixture.cases.capture(CaseFixture.draft(at: CaseFixture.nine.addingTimeInterval(60)))
        let third = try fixture.cases.capture(CaseFixture.draft(at: CaseFixture.nine.addingTimeInterval(120)))
        let later = CaseFixture.nine.addingTimeInterval(600)
        try fixture.cases.recordSyncError("central unreachable", at: later)
        var summary = try fixture.cases.syncSummary(at: later)
        #expect(summary.pendingCount == 3)
        #expect(summary.oldestPendingAge == 600)
        #expect(summary.lastError == "central unreachable")

        try fixture.cases.recordPush(
            PushResponse(
                ackedThroughSeq: 2,
                results: [
                    OperationResult(seq: 1, status: .applied, caseNumber: "320102-2026-000042"),
                    OperationResult(seq: 2, status: .rejected, reason: "matter retired"),
                ]), at: later)
        try fixture.cases.recordSyncSuccess(at: later)
        #expect(try fixture.cases.storedCase(id: first.caseID)?.serverCaseNumber == "320102-2026-000042")
        #expect(try fixture.cases.storedCase(id: first.caseID)?.syncState == .acknowledged)
        #expect(try fixture.cases.storedCase(id: second.caseID)?.syncState == .rejected)
        #expect(try fixture.cases.storedCase(id: second.caseID)?.rejectionReason == "matter retired")
        #expect(try fixture.cases.storedCase(id: third.caseID)?.syncState == .pending)
        summary = try fixture.cases.syncSummary(at: later)
        #expect(summary.pendingCount == 1)
        #expect(summary.oldestPendingAge == 480)
        #expect(summary.rejectedCount == 1)
        #expect(summary.lastError == nil)
        #expect(summary.lastAckedSeq == 2)
        // Acknowledged operations stay readable for a server restored from an older backup.
        #expect(try fixture.cases.operations(after: 0, limit: 10, maxBytes: 1 << 20).map(\.seq) == [1, 2, 3])
        #expect(try fixture.cases.operations(after: 2, limit: 10, maxBytes: 1 << 20).map(\.seq) == [3])
    }

    @Test func sequenceNumbersAreNeverReusedAfterThePurge() throws {
        let fixture = try CaseFixture(.disk)
        let captured = try (0..<3).map { _ in try fixture.cases.capture(CaseFixture.draft()) }
        let acknowledged = CaseFixture.nine.addingTimeInterval(3600)
        try fixture.cases.recordPush(PushResponse(ackedThroughSeq: 2, results: []), at: acknowledged)
        // Retention not yet over: nothing is purged.
        #expect(try fixture.cases.purgeAcknowledged(olderThan: acknowledged, at: acknowledged) == 0)
        #expect(try fixture.cases.purgeAcknowledged(olderThan: acknowledged.addingTimeInterval(1), at: acknowledged) == 2)
        // Purged operations cannot be sent again, and the store says which one a restored server lacks.
        #expect(try fixture.cases.operations(after: 0, limit: 10, maxBytes: 1 << 20).isEmpty)
        #expect(try fixture.cases.firstPurgedSeq(after: 0) == 1)
        #expect(try fixture.cases.firstPurgedSeq(after: 2) == nil)
        #expect(try fixture.cases.operations(after: 2, limit: 10, maxBytes: 1 << 20).map(\.seq) == [3])

        // The purge keeps masked forms, receipt numbers and states, and erases the sealed data.
        let purged = try #require(try fixture.cases.storedCase(id: captured[0].caseID))
        #expect(purged.isPurged)
        #expect(purged.maskedName == "王**" && purged.maskedNumber == "3201**********1233")
        #expect(purged.receiptNumber == "R-K0007-000001")
        #expect(purged.syncState == .acknowledged)
        #expect(try fixture.cases.storedCase(id: captured[2].caseID)?.isPurged == false)
        let sealed = try fixture.store.writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM proxy_case WHERE applicant_sealed IS NOT NULL OR phone_sealed IS NOT NULL")
        }
        #expect(sealed == 1)
        let payloads = try fixture.store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE payload IS NOT NULL")
        }
        #expect(payloads == 1)

        // Even with every row gone (a later archival), the next case takes the next numbers.
        try fixture.store.writer.write { db in try db.execute(sql: "DELETE FROM proxy_case; DELETE FROM outbox") }
        let next = try fixture.cases.capture(CaseFixture.draft())
        #expect(next.seq == 4)
        #expect(next.receiptNumber == "R-K0007-000004")
    }

    @Test func noClearIDNumberNameOrPhoneInTheDatabaseFiles() throws {
        let fixture = try CaseFixture(.disk)
        for _ in 0..<3 { _ = try fixture.cases.capture(CaseFixture.draft()) }
        // Not vacuous: the clear values are in the store, sealed, and open with the key.
        let operations = try fixture.cases.operations(after: 0, limit: 10, maxBytes: 1 << 20)
        #expect(operations.count == 3)
        let files = try fixture.fileBytes()
        #expect(files.count == 2, "expected the database and its WAL")
        #expect(files.contains { $0.1.range(of: Data("R-K0007-000003".utf8)) != nil }, "the scan reads the written pages")
        for (file, bytes) in files {
            for secret in [CaseFixture.idNumber, String(CaseFixture.idNumber.prefix(17)), CaseFixture.name, CaseFixture.phone] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) holds a clear value")
                let utf16 = Data(secret.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
                #expect(bytes.range(of: utf16) == nil, "\(file) holds a clear value as UTF-16")
            }
        }
    }

    @Test func theCatalogueKeepsRetiredMattersOutOfTheMenu() throws {
        let fixture = try CaseFixture(.memory)
        var retired = CaseFixture.matter
        retired.code = "320102-SHBZ-0001"
        retired.retired = true
        try fixture.cases.storeMatters([CaseFixture.matter, retired])
        #expect(try fixture.cases.matters() == [CaseFixture.matter])
        #expect(try fixture.cases.matter(code: CaseFixture.matter.code) == CaseFixture.matter)
        #expect(try fixture.cases.matter(code: retired.code) == nil)
        var newer = CaseFixture.matter
        newer.promisedDays = 3
        newer.version = 4
        try fixture.cases.storeMatters([newer])
        #expect(try fixture.cases.matters() == [newer])
    }
}
