// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import IDCard
import KioskTesting
import PrintTesting
import Reader
import Store
import Testing

@testable import Daemon

/// The agent's menu over the API: log in, read the catalogue, capture a case for the card on the reader,
/// list cases with their sync state, reprint the receipt, and every refusal the menu must handle.
struct CaseRoutesTests {
    static let card = EmulatorFixture.builtIn.card("resident")!

    /// The harness with the demo catalogue and agent, and the resident test card just read (by the harness's clock).
    static func harness() throws -> (APIHarness, CardDesk.Session) {
        let harness = try APIHarness()
        try harness.cases.store.storeMatters(DemoCatalogue.matters)
        try harness.cases.store.createAgent(id: DemoCatalogue.agentID, name: DemoCatalogue.agentName, pin: DemoCatalogue.agentPIN)
        let session = harness.desk.accept(try TextBlock.decode(card.textBlock), at: harness.clock.now())
        return (harness, session)
    }

    static func caseJSON(
        card: String, matter: String = "DEMO-RSJ-0001", phone: String = "13912345678",
        materials: String = #"[{"code": "id-card-copy", "state": "received"}, {"code": "household-register", "state": "promised", "promised_by": "2026-11-27"}, {"code": "application-form", "state": "received"}]"#
    ) -> String {
        #"{"card": "\#(card)", "matter": "\#(matter)", "contact_phone": "\#(phone)", "materials": \#(materials)}"#
    }

    @Test func anAgentCapturesACaseAndItsReceiptPrintsMasked() async throws {
        let (harness, session) = try Self.harness()
        try await harness.run { api async throws in
            let token = try await api.login()
            let matters = try await api.request(.get, "/api/v1/matters")
            #expect(matters.json["matters"]?.arrayValue?.count == 4)
            let pension = try #require(matters.json["matters"]?.arrayValue?.first { $0["code"]?.stringValue == "DEMO-RSJ-0001" })
            #expect(pension["allows_deferral"]?.boolValue == true)
            #expect(pension["materials"]?[1]?["deferrable"]?.boolValue == true)

            let captured = try await api.request(.post, "/api/v1/cases", json: Self.caseJSON(card: session.id), token: token)
            #expect(captured.status == 201)
            #expect(captured.json["receipt_number"]?.stringValue == "R-K0007-000001")
            #expect(captured.json["applicant"]?["number"]?.stringValue == "3201**********1233")
            // Monday 23 November plus five working days, the weekend skipped.
            #expect(captured.json["promised_completion"]?.stringValue == "2026-11-30")
            #expect(captured.json["sync"]?["state"]?.stringValue == "pending")
            #expect(captured.json["print"]?["state"]?.stringValue == "submitted")
            #expect(!captured.json.jsonText.contains(Self.card.number) && !captured.json.jsonText.contains(Self.card.name!))
            #expect(!captured.json.jsonText.contains("13912345678"))

            let receipts = try harness.printedTickets.keptJobs()
            try #require(receipts.count == 1)
            let printed = try ESCPOSInterpreter().interpret(Array(try Data(contentsOf: receipts[0]))).lines.map(\.text).joined(separator: "\n")
            #expect(printed.contains("代办件受理回执"))
            #expect(printed.contains("R-K0007-000001"))
            #expect(printed.contains("3201**********1233"))
            #expect(printed.contains("户口簿复印件"))
            #expect(printed.contains("K0007-1"))
            #expect(!printed.contains(Self.card.number) && !printed.contains(Self.card.name!))

            let caseID = try #require(captured.json["case_id"]?.stringValue)
            let list = try await api.request(.get, "/api/v1/cases", token: token)
            #expect(list.json["cases"]?.arrayValue?.map { $0["case_id"]?.stringValue } == [caseID])
            #expect(list.json["cases"]?[0]?["print"] == .null)
            let reprint = try await api.request(.post, "/api/v1/cases/\(caseID)/print", token: token)
            #expect(reprint.status == 200)
            #expect(reprint.json["print"]?["state"]?.stringValue == "submitted")
            #expect(try harness.printedTickets.keptJobs().count == 2)

            harness.clock.advance(minutes: 2)
            let status = try await api.request(.get, "/api/v1/sync/status")
            #expect(status.json["pending_count"]?.intValue == 1)
            #expect(status.json["oldest_pending_age_seconds"]?.intValue == 120)
            #expect(status.json["last_error"] == .null)
            #expect(status.json["state"]?.stringValue == "off")
            #expect(status.json["message"]?.stringValue == "本机未连接中心，1 项保存在本机")
        }
    }

    @Test func refusalsTheMenuMustHandle() async throws {
        let (harness, session) = try Self.harness()
        try await harness.run { api async throws in
            let anonymous = try await api.request(.post, "/api/v1/cases", json: Self.caseJSON(card: session.id))
            #expect(anonymous.status == 401)
            #expect(try await api.request(.get, "/api/v1/cases").status == 401)
            let token = try await api.login()

            let idCopyDeferred = Self.caseJSON(
                card: session.id,
                materials: #"[{"code": "id-card-copy", "state": "promised", "promised_by": "2026-11-27"}, {"code": "household-register", "state": "received"}, {"code": "application-form", "state": "received"}]"#)
            let notDeferrable = try await api.request(.post, "/api/v1/cases", json: idCopyDeferred, token: token)
            #expect(notDeferrable.status == 400)
            #expect(notDeferrable.errorCode == "deferral_not_allowed")
            let matterWithout = Self.caseJSON(
                card: session.id, matter: "DEMO-YBJ-0002",
                materials: #"[{"code": "id-card-copy", "state": "received"}, {"code": "household-register", "state": "promised", "promised_by": "2026-11-27"}]"#)
            #expect(try await api.request(.post, "/api/v1/cases", json: matterWithout, token: token).errorCode == "deferral_not_allowed")

            for phone in ["1391234567", "23912345678", "phone", "025-0123456"] {
                let badPhone = try await api.request(.post, "/api/v1/cases", json: Self.caseJSON(card: session.id, phone: phone), token: token)
                #expect(badPhone.status == 400)
                #expect(badPhone.errorCode == "invalid_phone")
            }
            let missing = Self.caseJSON(card: session.id, materials: #"[{"code": "id-card-copy", "state": "received"}]"#)
            #expect(try await api.request(.post, "/api/v1/cases", json: missing, token: token).errorCode == "material_missing")
            let unknown = try await api.request(.post, "/api/v1/cases", json: Self.caseJSON(card: session.id, matter: "NOPE"), token: token)
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "unknown_matter")
            #expect(try await api.request(.post, "/api/v1/cases/nope/print", token: token).status == 404)

            // The card read four minutes ago has expired: the applicant must swipe again.
            harness.clock.advance(minutes: 4)
            let expired = try await api.request(.post, "/api/v1/cases", json: Self.caseJSON(card: session.id), token: token)
            #expect(expired.status == 409)
            #expect(expired.errorCode == "card_expired")
            #expect(try await api.request(.get, "/api/v1/sync/status").json["pending_count"]?.intValue == 0)
        }
    }

    @Test func fiveWrongPINsLockTheAgentForFiveMinutes() async throws {
        let (harness, _) = try Self.harness()
        try await harness.run { api async throws in
            for _ in 0..<4 {
                let wrong = try await api.request(.post, "/api/v1/agent/login", json: #"{"agent": "agent-1", "pin": "000000"}"#)
                #expect(wrong.status == 401)
                #expect(wrong.errorCode == "wrong_pin")
            }
            let fifth = try await api.request(.post, "/api/v1/agent/login", json: #"{"agent": "agent-1", "pin": "000000"}"#)
            #expect(fifth.status == 429)
            #expect(fifth.errorCode == "agent_locked")
            let right = try await api.request(.post, "/api/v1/agent/login", json: #"{"agent": "agent-1", "pin": "246810"}"#)
            #expect(right.status == 429)
            harness.clock.advance(minutes: 5)
            #expect(try await api.login().count == 64)
            #expect(try await api.request(.post, "/api/v1/agent/login", json: #"{"agent": "nobody", "pin": "246810"}"#).status == 401)
        }
    }

    @Test func logoutAndTheIdleTimeoutEndTheSession() async throws {
        let (harness, _) = try Self.harness()
        try await harness.run { api async throws in
            let token = try await api.login()
            #expect(try await api.request(.post, "/api/v1/agent/logout", token: token).status == 204)
            #expect(try await api.request(.get, "/api/v1/cases", token: token).status == 401)
            #expect(try await api.request(.post, "/api/v1/agent/logout", token: token).status == 401)

            let idle = try await api.login()
            harness.clock.advance(minutes: 4)
            #expect(try await api.request(.get, "/api/v1/cases", token: idle).status == 200)
            // Each request restarts the five minutes.
            harness.clock.advance(minutes: 4)
            #expect(try await api.request(.get, "/api/v1/cases", token: idle).status == 200)
            harness.clock.advance(minutes: 5)
            #expect(try await api.request(.get, "/api/v1/cases", token: idle).status == 401)
        }
    }
}

extension APIClient {
    /// Logs the demo agent in and returns the session token.
    func login(sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = try await request(
            .post, "/api/v1/agent/login", json: #"{"agent": "agent-1", "pin": "246810"}"#, sourceLocation: sourceLocation)
        #expect(response.status == 200, sourceLocation: sourceLocation)
        #expect(response.json["idle_timeout_seconds"]?.intValue == 300, sourceLocation: sourceLocation)
        return try #require(response.json["token"]?.stringValue, sourceLocation: sourceLocation)
    }
}

/// Promised days in working days, and the phone forms the menu may send.
struct CaseFormTests {
    private static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    @Test(arguments: [
        ("2026-11-23T09:00:00+08:00", 5, "2026-11-30"),  // Monday + 5: the weekend skipped
        ("2026-11-27T16:00:00+08:00", 1, "2026-11-30"),  // Friday + 1: Monday
        ("2026-11-28T10:00:00+08:00", 1, "2026-11-30"),  // Saturday + 1: Monday
        ("2026-11-23T23:30:00+08:00", 0, "2026-11-23"),  // the local day, not UTC's
        ("2026-12-28T09:00:00+08:00", 5, "2027-01-04"),  // across the year's end
    ])
    func promisedDaysSkipWeekends(start: String, days: Int, expected: String) throws {
        let date = try #require(ISO8601DateFormatter().date(from: start))
        #expect(WorkingDays.day(adding: days, to: date, in: Self.shanghai) == expected)
    }

    @Test(arguments: ["13912345678", "19912345678", "025-83001234", "02583001234", "0571-8800123", "010-12345678-801", "139 1234 5678"])
    func mobileAndLandlineFormsAreAccepted(phone: String) {
        #expect(ContactPhone.normalised(phone) == phone.filter { $0 != " " })
    }

    @Test(arguments: ["1391234567", "139123456789", "12912345678", "83001234", "025-0300123", "+8613912345678", "139-1234-5678", ""])
    func otherFormsAreRefused(phone: String) {
        #expect(ContactPhone.normalised(phone) == nil)
    }
}
