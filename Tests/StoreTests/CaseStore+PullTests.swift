// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Store
import SyncProtocol
import Testing

/// Pulled pages land with their cursor in one transaction; older versions never overwrite newer ones.
struct CaseStorePullTests {
    private static let slot = ISO8601DateFormatter().date(from: "2026-11-25T09:00:00+08:00")!

    private static func booking(_ code: String, status: String, version: Int64) -> BookingEntry {
        BookingEntry(
            code: code, business: "social", slotStart: slot, slotEnd: slot.addingTimeInterval(1800), holderMaskedName: "李*",
            holderKey: "hk-\(code)", status: status, version: version)
    }

    @Test func cataloguePagesReplaceMattersAndKeepTheirCursor() throws {
        let fixture = try CaseFixture(.disk)
        #expect(try fixture.cases.cursor(for: .catalogue) == nil)
        try fixture.cases.applyCatalogue([CaseFixture.matter], cursor: "c1")
        var retired = CaseFixture.matter
        retired.retired = true
        retired.version = 4
        try fixture.cases.applyCatalogue([retired], cursor: "c2")
        #expect(try fixture.cases.cursor(for: .catalogue) == "c2")
        #expect(try fixture.cases.matters().isEmpty)
        // A must_resync keeps the catalogue usable until the full pull replaces it.
        try fixture.cases.resetStream(.catalogue)
        #expect(try fixture.cases.cursor(for: .catalogue) == nil)
    }

    @Test func bookingsKeepTheNewestVersionAndAResyncDropsThem() throws {
        let fixture = try CaseFixture(.memory)
        try fixture.cases.applyBookings([Self.booking("Y001", status: "booked", version: 5)], cursor: "b1")
        try fixture.cases.applyBookings(
            [Self.booking("Y001", status: "booked", version: 3), Self.booking("Y002", status: "booked", version: 6)], cursor: "b2")
        #expect(try fixture.cases.booking(code: "Y001")?.version == 5)
        try fixture.cases.applyBookings([Self.booking("Y001", status: "cancelled", version: 7)], cursor: "b3")
        #expect(try fixture.cases.booking(code: "Y001") == Self.booking("Y001", status: "cancelled", version: 7))
        #expect(try fixture.cases.cursor(for: .bookings) == "b3")
        try fixture.cases.resetStream(.bookings)
        #expect(try fixture.cases.booking(code: "Y002") == nil)
        #expect(try fixture.cases.cursor(for: .bookings) == nil)
    }

    @Test func caseStatusChangesApplyInVersionOrderAndSkipOtherKiosksCases() throws {
        let fixture = try CaseFixture(.memory)
        let captured = try fixture.cases.capture(CaseFixture.draft())
        let at = CaseFixture.nine
        try fixture.cases.applyCaseStatus(
            [
                CaseStatusChange(caseID: captured.caseID, caseNumber: "N-1", status: "in_progress", note: nil, version: 2, changedAt: at),
                CaseStatusChange(caseID: UUID().uuidString.lowercased(), caseNumber: "N-2", status: "accepted", note: nil, version: 1, changedAt: at),
            ], cursor: "s1")
        try fixture.cases.applyCaseStatus(
            [CaseStatusChange(caseID: captured.caseID, caseNumber: nil, status: "accepted", note: nil, version: 1, changedAt: at)],
            cursor: "s2")
        var stored = try #require(try fixture.cases.storedCase(id: captured.caseID))
        #expect(stored.serverStatus == "in_progress")
        #expect(stored.serverCaseNumber == "N-1")
        try fixture.cases.applyCaseStatus(
            [CaseStatusChange(caseID: captured.caseID, caseNumber: nil, status: "returned", note: "缺少户口簿原件", version: 3, changedAt: at)],
            cursor: "s3")
        stored = try #require(try fixture.cases.storedCase(id: captured.caseID))
        #expect(stored.serverStatus == "returned" && stored.serverNote == "缺少户口簿原件")
        // A server restored from a backup numbers versions anew: after its must_resync, a lower version wins.
        try fixture.cases.resetStream(.caseStatus)
        try fixture.cases.applyCaseStatus(
            [CaseStatusChange(caseID: captured.caseID, caseNumber: "N-1", status: "accepted", note: nil, version: 1, changedAt: at)],
            cursor: "r1")
        #expect(try fixture.cases.storedCase(id: captured.caseID)?.serverStatus == "accepted")
        #expect(try fixture.cases.cursor(for: .caseStatus) == "r1")
    }
}

/// The outbox is pushed as one device for good once it holds operations.
struct CaseStoreSyncIdentityTests {
    @Test func anOutboxWithOperationsKeepsItsDevice() throws {
        let fixture = try CaseFixture(.memory)
        #expect(try fixture.cases.bindSyncIdentity(deviceID: "dev-a") == nil)
        #expect(try fixture.cases.bindSyncIdentity(deviceID: "dev-b") == nil)
        _ = try fixture.cases.capture(CaseFixture.draft())
        #expect(try fixture.cases.bindSyncIdentity(deviceID: "dev-b") == nil)
        #expect(try fixture.cases.bindSyncIdentity(deviceID: "dev-c") == "dev-b")
    }
}
