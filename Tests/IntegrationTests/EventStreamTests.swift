// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Displays learn of every call through `/api/v1/events`, and miss nothing across a reconnect.
@Suite(.serialized)
struct EventStreamTests {
    @Test func everyCallReachesAnOpenStreamAndMissedEventsAreReplayed() async throws {
        let directory = try TestDirectory("events")
        let daemon = try await DaemonProcess(database: directory.file("k.sqlite"), logFile: directory.file("log"))
        let port = daemon.baseURL.port!
        let url = { (path: String) in daemon.baseURL.appendingPathComponent(path) }
        let stream = try EventStreamReader(port: port)
        for _ in 0..<2 { _ = try await HTTPClient.post(url("api/v1/tickets"), json: #"{"business": "social-security"}"#) }
        let taken = try stream.next(event: "ticket_taken")
        #expect(taken.data.contains(#""number":"A001""#))

        _ = try await HTTPClient.post(url("api/v1/windows/1/call-next"), token: "demo-token-1")
        let called = try stream.next(event: "ticket_called")
        #expect(called.data.contains(#""number":"A001""#))
        #expect(called.data.contains(#""window_name":"1号窗口""#))
        _ = try await HTTPClient.post(url("api/v1/windows/1/recall"), token: "demo-token-1")
        #expect(try stream.next(event: "ticket_recalled").data.contains("A001"))
        _ = try await HTTPClient.post(url("api/v1/windows/1/hold"), token: "demo-token-1")
        _ = try await HTTPClient.post(url("api/v1/windows/1/call-back"), json: #"{"number": "A001"}"#, token: "demo-token-1")
        #expect(try stream.next(event: "ticket_called").data.contains("A001"))
        let lastSeen = try #require(called.id)
        stream.close()

        // A display that was away asks from where it stopped and gets every call since, in order.
        _ = try await HTTPClient.post(url("api/v1/windows/1/call-next"), token: "demo-token-1")
        let replay = try EventStreamReader(port: port, lastEventID: lastSeen)
        var kinds: [String] = []
        while kinds.last != "ticket_called" || !(kinds.dropLast().contains("ticket_called")) {
            kinds.append(try replay.next().event ?? "")
        }
        #expect(kinds.first == "ticket_recalled")
        #expect(kinds.contains("ticket_held"))
        #expect(kinds.contains("ticket_finished"))
        replay.close()
        try await daemon.stop(signal: SIGTERM)
    }
}
