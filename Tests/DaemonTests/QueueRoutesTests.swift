// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import NIOCore
import Testing

struct QueueRoutesTests {
    @Test func businessesListCodesNamesPrefixesWaitingAndAlarm() async throws {
        try await APIHarness().run { api async throws in
            _ = try await api.take("social")
            let response = try await api.request(.get, "/api/v1/businesses")
            #expect(response.status == 200)
            let social = try #require(response.json["businesses"]?[0])
            #expect(social["code"]?.stringValue == "social")
            #expect(social["name"]?.stringValue == "社保业务")
            #expect(social["prefix"]?.stringValue == "A")
            #expect(social["waiting"]?.intValue == 1)
            #expect(social["alarm_level"]?.stringValue == "green")
        }
    }

    @Test func takingATicketAnswers201WithNumberAheadAndEstimate() async throws {
        try await APIHarness().run { api async throws in
            _ = try await api.take("social")
            let response = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social"}"#)
            #expect(response.status == 201)
            #expect(response.json["number"]?.stringValue == "A002")
            #expect(response.json["business"]?.stringValue == "social")
            #expect(response.json["ahead"]?.intValue == 1)
            #expect(response.json["estimated_wait_seconds"]?.numberValue != nil)
            let lookup = try await api.request(.get, "/api/v1/tickets/A002")
            #expect(lookup.json["status"]?.stringValue == "waiting")
            #expect(lookup.json["ahead"]?.intValue == 1)
        }
    }

    @Test func birthDateGivesTheElderlyPriority() async throws {
        try await APIHarness().run { api async throws in
            let response = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social", "birth_date": "19400101"}"#)
            #expect(response.json["priority"]?.stringValue == "elderly")
            #expect(response.json["priority_label"]?.stringValue == "老年人优先")
        }
    }

    @Test func badTakeRequestsGetClearFourHundreds() async throws {
        try await APIHarness().run { api async throws in
            #expect(try await api.request(.post, "/api/v1/tickets", json: #"{"business": "passport"}"#).errorCode == "unknown_business")
            let missing = try await api.request(.post, "/api/v1/tickets", json: "{}")
            #expect(missing.status == 400)
            #expect(missing.json["error"]?["message"]?.stringValue?.contains("business") == true)
            #expect(try await api.request(.post, "/api/v1/tickets", json: "{not json").status == 400)
            #expect(try await api.request(.post, "/api/v1/tickets").status == 400)
            #expect(try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social", "priority": "elderly"}"#).status == 400)
            #expect(try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social", "priority": "green_channel", "priority_category": "vip"}"#).errorCode == "invalid_argument")
            #expect(try await api.request(.get, "/api/v1/tickets/Z999").status == 404)
            let unknown = try await api.client.executeRequest(uri: "/api/v1/nothing", method: .get, headers: [:], body: nil)
            #expect(unknown.status.code == 404)
            #expect(String(decoding: unknown.body.readableBytesView, as: UTF8.self).contains(#""code":"not_found""#))
        }
    }

    @Test func capacityReachedIsAConflictWithTheReason() async throws {
        try await APIHarness(configuration: DaemonTestHall.configuration(capacity: 1)).run { api async throws in
            _ = try await api.take("social")
            let refused = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social"}"#)
            #expect(refused.status == 409)
            #expect(refused.errorCode == "capacity_reached")
            #expect(refused.json["error"]?["message"]?.stringValue?.contains("社保业务") == true)
        }
    }

    @Test func statusWindowsStatisticsAndHealthMatchTheContract() async throws {
        try await APIHarness().run { api async throws in
            _ = try await api.take("social")
            try await api.window("1", "call-next")
            let status = try await api.request(.get, "/api/v1/status")
            #expect(status.json["hall"]?.stringValue == "测试大厅")
            #expect(status.json["recent_calls"]?[0]?["number"]?.stringValue == "A001")
            #expect(status.json["windows"]?[0]?["current"]?["number"]?.stringValue == "A001")
            #expect(try await api.request(.get, "/api/v1/windows").json["windows"]?.arrayValue?.count == 3)
            let statistics = try await api.request(.get, "/api/v1/statistics")
            #expect(statistics.json["businesses"]?[0]?["tickets"]?.intValue == 1)
            #expect(try await api.request(.get, "/healthz").json["status"]?.stringValue == "ok")
        }
    }

    @Test func pagesAndTheAPIDescriptionAreServed() async throws {
        try await APIHarness().run { api async throws in
            for path in ["/", "/window", "/display", "/pages/kiosk.css", "/api/v1/openapi.yaml"] {
                let response = try await api.client.executeRequest(uri: path, method: .get, headers: [:], body: nil)
                #expect(response.status.code == 200, "\(path)")
            }
            let missing = try await api.client.executeRequest(uri: "/pages/..%2F..%2Fetc%2Fpasswd", method: .get, headers: [:], body: nil)
            #expect(missing.status.code == 404)
        }
    }
}
