// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import KioskTestingTraits
import Testing

/// The kiosk and the central server on a good link, from real processes: `kiosk-central` prepared by its
/// operator commands, `kioskd enroll` with a one-time code, `kioskd run` syncing; a captured case and a rating
/// reach PostgreSQL, the server's case number comes back, and a revoked kiosk stops syncing but keeps serving.
@Suite(.serialized, .privatePostgres)
struct SyncFlowTests {
    @Test func enrolmentWritesAPrivateIdentityOnceAndRefusesAWrongCode() async throws {
        let rig = try await SyncRig("sync-enrol")
        let server = rig.serverURL.absoluteString
        let first = try await runKioskd([
            "enroll", "--server", server, "--code", try await rig.enrollmentCode(), "--identity", rig.identity.path,
        ])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("enrolled as device"))
        let mode = try FileManager.default.attributesOfItem(atPath: rig.identity.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let identity = try Data(contentsOf: rig.identity)

        // A valid code does not replace an identity that exists.
        let again = try await runKioskd([
            "enroll", "--server", server, "--code", try await rig.enrollmentCode(), "--identity", rig.identity.path,
        ])
        #expect(again.status == 73, "\(again.error)")
        #expect(try Data(contentsOf: rig.identity) == identity)

        let other = rig.directory.file("other-identity.json")
        let wrong = try await runKioskd(["enroll", "--server", server, "--code", "AAAA-BBBB-CCCC", "--identity", other.path])
        #expect(wrong.status == 65, "\(wrong.error)")
        #expect(!FileManager.default.fileExists(atPath: other.path))
        #expect(try await rig.sql("SELECT count(*) FROM devices") == [["1"]])
        try await rig.finish()
    }

    @Test func aCaseAndARatingReachTheServerAndARevokedKioskKeepsServing() async throws {
        let rig = try await SyncRig("sync-flow")
        let kiosk = try await rig.startKiosk()
        let receipt = try #require(try await rig.capture(1).first)
        try await kiosk.waitUntilDrained()
        let onServer = try await rig.sql(
            "SELECT receipt_number, case_number, status, point_id FROM cases WHERE case_id = '\(receipt.caseID)'")
        #expect(onServer.first?[0] == receipt.receiptNumber)
        #expect(onServer.first?[2] == "accepted" && onServer.first?[3] == SyncRig.point)
        let status = try await kiosk.syncStatus()
        #expect(status["state"]?.stringValue == "syncing")
        #expect(status["pending_count"]?.intValue == 0)
        #expect(status["last_acked_seq"]?.intValue == 1)

        // A rating given at window 1 goes through the outbox too.
        let hall = kiosk.daemon.baseURL
        let ticket = try await HTTPClient.post(hall.appendingPathComponent("api/v1/tickets"), json: #"{"business": "social-security"}"#)
        #expect(ticket.status == 201)
        let number = try #require(ticket.json["number"]?.stringValue)
        func window(_ operation: String, _ body: String?) async throws -> HTTPClient.Response {
            try await HTTPClient.post(
                hall.appendingPathComponent("api/v1/windows/1/\(operation)"), json: body, token: "demo-token-1")
        }
        #expect(try await window("call-next", nil).status == 200)
        #expect(try await window("finish", nil).status == 200)
        #expect(try await window("rate", #"{"number": "\#(number)", "level": 5, "reason": "很好"}"#).status == 200)
        let rating = try await eventually("the rating reaches the server", within: 30) {
            try await rig.sql("SELECT ticket_number, level, point_id FROM ratings").first
        }
        #expect(rating == [number, "5", SyncRig.point])
        try await SyncChecker(rig: rig).verify()

        // Revoked: the next round gets 401, the client stops, the kiosk goes on capturing locally.
        let device = try #require(status["device_id"]?.stringValue)
        #expect(try await rig.central.command(["revoke", device]).status == 0)
        try await rig.capture(1)
        _ = try await eventually("the kiosk's sync says stopped", within: 30) {
            try await kiosk.syncStatus()["state"]?.stringValue == "stopped" ? true : nil
        }
        #expect(try await kiosk.isHealthy())
        try await rig.capture(1)
        #expect(try await kiosk.pendingCount() == 2)
        #expect(try await rig.sql("SELECT count(*) FROM cases") == [["1"]])
        try await rig.finish()
    }
}
