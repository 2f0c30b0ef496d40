// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import KioskTesting
import Testing

/// A citizen rates a finished ticket at the kiosk (好差评): once, for the window that finished it, and only
/// on its own service day.
struct TicketRatingRouteTests {
    /// Takes a housing ticket and has window 2 (housing only) call and finish it; returns its number.
    private func finishedTicket(_ api: APIClient) async throws -> String {
        let number = try await api.take("housing")
        #expect(try await api.window("2", "call-next").status == 200)
        #expect(try await api.window("2", "finish").status == 200)
        return number
    }

    @Test func aFinishedTicketIsRatedOnceForTheWindowThatFinishedIt() async throws {
        try await APIHarness().run { api async throws in
            let number = try await finishedTicket(api)
            let rated = try await api.request(
                .post, "/api/v1/tickets/\(number)/rating", json: #"{"level": 2, "reason": " 等候时间长 "}"#)
            #expect(rated.status == 200)
            #expect(rated.json["window"]?.stringValue == "2")
            #expect(rated.json["rating"]?["level"]?.intValue == 2)
            #expect(rated.json["rating"]?["label"]?.stringValue == "不满意")
            #expect(rated.json["rating"]?["reason"]?.stringValue == "等候时间长")
            #expect(try await api.request(.get, "/api/v1/tickets/\(number)").json["rating"]?["level"]?.intValue == 2)

            let again = try await api.request(.post, "/api/v1/tickets/\(number)/rating", json: #"{"level": 5}"#)
            #expect(again.status == 409)
            #expect(again.errorCode == "already_rated")
            #expect(again.json["error"]?["message"]?.stringValue == "这张号已经评价过了，谢谢")
            // The window's rating pad sees the same rating.
            let pad = try await api.window("2", "rate", json: #"{"number": "\#(number)", "level": 5}"#)
            #expect(pad.errorCode == "already_rated")
        }
    }

    @Test func aBlankReasonIsNone() async throws {
        try await APIHarness().run { api async throws in
            let number = try await finishedTicket(api)
            let rated = try await api.request(.post, "/api/v1/tickets/\(number)/rating", json: #"{"level": 5, "reason": "  "}"#)
            #expect(rated.json["rating"]?["reason"] == .null)
        }
    }

    @Test func unfinishedUnknownAndMalformedRatingsAreRefused() async throws {
        try await APIHarness().run { api async throws in
            let waiting = try await api.take("social")
            let early = try await api.request(.post, "/api/v1/tickets/\(waiting)/rating", json: #"{"level": 5}"#)
            #expect(early.status == 409)
            #expect(early.errorCode == "not_finished")
            #expect(early.json["error"]?["message"]?.stringValue == "这张号还没有办完，办完后再评价")
            #expect(try await api.request(.post, "/api/v1/tickets/Z999/rating", json: #"{"level": 5}"#).errorCode == "unknown_ticket")

            let number = try await finishedTicket(api)
            let path = "/api/v1/tickets/\(number)/rating"
            #expect(try await api.request(.post, path, json: #"{"level": 6}"#).status == 400)
            #expect(try await api.request(.post, path, json: #"{"level": 0}"#).status == 400)
            #expect(try await api.request(.post, path, json: #"{"reason": "好"}"#).status == 400)
            #expect(try await api.request(.post, path).status == 400)
            let long = try await api.request(.post, path, json: #"{"level": 1, "reason": "\#(String(repeating: "慢", count: 201))"}"#)
            #expect(long.status == 400)
            #expect(long.errorCode == "invalid_argument")
            // None of the refusals rated it.
            #expect(try await api.request(.post, path, json: #"{"level": 1, "reason": null}"#).status == 200)
        }
    }

    @Test func aTicketOfAnEarlierServiceDayCannotBeRated() async throws {
        let harness = try APIHarness()
        try await harness.run { api async throws in
            let number = try await finishedTicket(api)
            harness.clock.advance(minutes: 24 * 60)
            let refused = try await api.request(.post, "/api/v1/tickets/\(number)/rating", json: #"{"level": 5}"#)
            #expect(refused.status == 404)
            #expect(refused.errorCode == "unknown_ticket")
        }
    }
}
