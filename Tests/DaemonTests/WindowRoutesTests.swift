// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import KioskTesting
import Testing

struct WindowRoutesTests {
    @Test func callNextAnswersTheTicketAndWhyThen204WhenNobodyWaits() async throws {
        try await APIHarness().run { api async throws in
            _ = try await api.take("social")
            let call = try await api.window("1", "call-next")
            #expect(call.status == 200)
            #expect(call.json["ticket"]?["number"]?.stringValue == "A001")
            #expect(call.json["ticket"]?["status"]?.stringValue == "called")
            #expect(call.json["reason"]?["explanation"]?.stringValue?.isEmpty == false)
            let empty = try await api.window("1", "call-next")
            #expect(empty.status == 204)
            #expect(empty.json == .null)
        }
    }

    @Test func windowOperationsNeedThatWindowsToken() async throws {
        try await APIHarness().run { api async throws in
            #expect(try await api.request(.post, "/api/v1/windows/1/call-next").status == 401)
            #expect(try await api.request(.post, "/api/v1/windows/1/call-next", token: "wrong").status == 401)
            #expect(try await api.request(.post, "/api/v1/windows/1/call-next", token: APIHarness.tokens["2"]).status == 401)
            #expect(try await api.request(.post, "/api/v1/windows/9/call-next", token: "x").status == 404)
            #expect(try await api.request(.get, "/api/v1/windows/1").status == 401)
        }
    }

    @Test func anotherWindowsTicketIsForbidden() async throws {
        try await APIHarness().run { api async throws in
            _ = try await api.take("social")
            try await api.window("1", "call-next")
            try await api.window("1", "finish")
            let rating = try await api.window("3", "rate", json: #"{"number": "A001", "level": 5}"#)
            #expect(rating.status == 403)
            #expect(rating.errorCode == "not_this_window")
        }
    }

    @Test func fullWindowFlowRecallSkipReactivateHoldCallBackTransferFinishRate() async throws {
        try await APIHarness().run { api async throws in
            for _ in 0..<3 { _ = try await api.take("social") }
            try await api.window("1", "call-next")
            #expect(try await api.window("1", "recall").json["recall_count"]?.intValue == 1)
            #expect(try await api.window("1", "skip").json["status"]?.stringValue == "skipped")
            let detail = try await api.window("1", "", method: .get)
            #expect(detail.json["skipped"]?[0]?["number"]?.stringValue == "A001")
            #expect(try await api.window("1", "reactivate", json: #"{"number": "A001"}"#).json["status"]?.stringValue == "waiting")
            #expect(try await api.window("1", "call-next").json["ticket"]?["number"]?.stringValue == "A002")
            #expect(try await api.window("1", "hold").json["status"]?.stringValue == "held")
            #expect(try await api.window("1", "", method: .get).json["held"]?[0]?["number"]?.stringValue == "A002")
            #expect(try await api.window("1", "call-back", json: #"{"number": "A002"}"#).json["status"]?.stringValue == "called")
            let moved = try await api.window("1", "transfer", json: #"{"business": "housing"}"#)
            #expect(moved.json["business"]?.stringValue == "housing")
            #expect(try await api.window("2", "call-next").json["ticket"]?["number"]?.stringValue == "A002")
            let finished = try await api.window("2", "finish", json: #"{"outcome": "incomplete"}"#)
            #expect(finished.json["outcome"]?.stringValue == "incomplete")
            let rated = try await api.window("2", "rate", json: #"{"number": "A002", "level": 5, "reason": "很好"}"#)
            #expect(rated.json["rating"]?["label"]?.stringValue == "非常满意")
            #expect(try await api.window("2", "rate", json: #"{"number": "A002", "level": 4}"#).errorCode == "already_rated")
            #expect(try await api.window("2", "rate", json: #"{"number": "A002", "level": 9}"#).status == 400)
        }
    }

    @Test func refusalsAreConflictsWithTheirCodes() async throws {
        try await APIHarness().run { api async throws in
            #expect(try await api.window("1", "recall").errorCode == "no_current_ticket")
            #expect(try await api.window("1", "finish", json: #"{"outcome": "lunch"}"#).status == 400)
            #expect(try await api.window("1", "transfer", json: "{}").status == 400)
            #expect(try await api.window("1", "reactivate", json: #"{"number": "A404"}"#).status == 404)
            try await api.window("1", "pause")
            #expect(try await api.window("1", "call-next").errorCode == "window_paused")
            #expect(try await api.window("1", "resume").json["paused"]?.boolValue == false)
        }
    }

    @Test func tidalWindowSwitchesBusinessesOverTheAPI() async throws {
        try await APIHarness().run { api async throws in
            _ = try await api.take("housing")
            #expect(try await api.window("1", "call-next").status == 204)
            let changed = try await api.window("1", "businesses", json: #"{"businesses": [{"business": "housing", "weight": 2}]}"#, method: .put)
            #expect(changed.json["businesses"]?[0]?["weight"]?.numberValue == 2)
            #expect(try await api.window("1", "call-next").json["ticket"]?["number"]?.stringValue == "B001")
            #expect(try await api.window("1", "businesses", json: #"{"businesses": []}"#, method: .put).status == 400)
        }
    }

    @Test func windowDetailShowsCurrentTicketReasonAndWaiting() async throws {
        try await APIHarness().run { api async throws in
            for _ in 0..<2 { _ = try await api.take("social") }
            try await api.window("1", "call-next")
            let detail = try await api.window("1", "", method: .get)
            #expect(detail.json["current"]?["number"]?.stringValue == "A001")
            #expect(detail.json["current_reason"]?["policy"]?.stringValue == "strict")
            #expect(detail.json["waiting"]?.intValue == 1)
            #expect(detail.json["outcomes"]?[0]?.stringValue == "done")
        }
    }

    @Test func malformedBodiesNeverCauseServerErrors() async throws {
        try await APIHarness().run { api async throws in
            _ = try await api.take("social")
            try await api.window("1", "call-next")
            let bodies = ["", "{", "[]", "null", "42", #"{"number": 5}"#, #"{"number": null}"#, #"{"outcome": ["x"]}"#,
                          #"{"businesses": "social"}"#, #"{"business": "\u0000"}"#, String(repeating: "{", count: 5000)]
            for operation in ["reactivate", "call-back", "transfer", "finish", "rate", "businesses"] {
                for body in bodies {
                    let response = try await api.window("1", operation, json: body.isEmpty ? nil : body, method: operation == "businesses" ? .put : .post)
                    #expect(response.status < 500, "\(operation) with \(body.prefix(20))")
                }
            }
        }
    }
}
