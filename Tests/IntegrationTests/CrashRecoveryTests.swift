// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Queue
import Store
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` in the middle of a burst of takes and calls: every acknowledged ticket survives in the state
/// the client was told, and no number is ever issued twice.
@Suite(.serialized)
struct CrashRecoveryTests {
    /// What the clients were told before the daemon died.
    actor Acknowledged {
        var taken: [String: Int64] = [:]  // number → id
        var called: [String: String] = [:]  // number → window
        var errors = 0

        func take(_ response: HTTPClient.Response) {
            guard response.status == 201, let number = response.json["number"]?.stringValue,
                let id = response.json["id"]?.intValue
            else { return }
            taken[number] = Int64(id)
        }

        func call(_ response: HTTPClient.Response, window: String) {
            guard response.status == 200, let number = response.json["ticket"]?["number"]?.stringValue else { return }
            called[number] = window
        }

        func failed() { errors += 1 }
    }

    private static let businesses = ["social-security", "medical-insurance", "real-estate"]
    private static let windows = ["1", "2", "3"]

    /// Kills once this many takes were acknowledged (so a slow machine still tests a real burst), then
    /// a few milliseconds more, so the kill lands among requests in flight.
    @Test(arguments: [20, 150])
    func acknowledgedTicketsSurviveKillNineMidBurst(killAfterAcknowledgedTakes threshold: Int) async throws {
        let directory = try TestDirectory("crash")
        let database = directory.file("k.sqlite")
        let acknowledged = Acknowledged()
        // The demo hall without its daily capacities, so a fast burst never hits a limit.
        let (_, example, _) = try await runKioskd(["config", "example"], binary: DaemonProcess.binary)
        let config = directory.file("kioskd.toml")
        try example.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("capacity =") }.joined(separator: "\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let daemon = try await DaemonProcess(database: database, config: config, logFile: directory.file("log"))
        let base = daemon.baseURL
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<6 {
                group.addTask {
                    var step = 0
                    while await acknowledged.errors < 50 {
                        step += 1
                        do {
                            if worker % 3 == 2, step % 2 == 0 {
                                let window = Self.windows[step % Self.windows.count]
                                let response = try await HTTPClient.post(
                                    base.appendingPathComponent("api/v1/windows/\(window)/call-next"), token: "demo-token-\(window)")
                                await acknowledged.call(response, window: window)
                            } else {
                                let business = Self.businesses[(worker + step) % Self.businesses.count]
                                let response = try await HTTPClient.post(
                                    base.appendingPathComponent("api/v1/tickets"), json: #"{"business": "\#(business)"}"#)
                                await acknowledged.take(response)
                            }
                        } catch {
                            await acknowledged.failed()
                            try await Task.sleep(for: .milliseconds(5))
                        }
                    }
                }
            }
            group.addTask {
                let deadline = ContinuousClock.now + .seconds(30)
                while await acknowledged.taken.count < threshold, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(2))
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...15)))
                try await daemon.stop(signal: SIGKILL)
            }
            try await group.waitForAll()
        }
        #expect(daemon.endedBySignal)
        let taken = await acknowledged.taken
        let called = await acknowledged.called
        #expect(taken.count >= threshold, "the daemon died before the burst got going")
        print("kill -9 after \(threshold)+ acknowledged takes: \(taken.count) takes and \(called.count) calls acknowledged")

        // On disk, before anything restarts: every acknowledged ticket, numbers unique and gap-free per business.
        let store = try QueueStore(path: database.path)
        let snapshot = try store.snapshot()
        let day = try #require(snapshot.serviceDay)
        let stored = try store.tickets(on: day)
        let byNumber = Dictionary(grouping: stored, by: \.number)
        #expect(byNumber.values.allSatisfy { $0.count == 1 }, "a number was issued twice")
        for business in Self.businesses {
            let sequences = stored.filter { $0.issuedBusiness == business }.map(\.sequence).sorted()
            #expect(sequences == Array(1...max(1, sequences.count)).prefix(sequences.count).map { $0 }, "gap or duplicate in \(business)")
        }
        for (number, id) in taken {
            #expect(byNumber[number]?.first?.id == id, "acknowledged \(number) is missing or changed")
        }
        for (number, window) in called {
            let ticket = byNumber[number]?.first
            #expect(ticket?.window == window && [.called, .finished].contains(ticket?.status), "called \(number) lost its call")
        }

        // After a restart: the same tickets over the API, and new numbers continue the series.
        let restarted = try await DaemonProcess(database: database, config: config, logFile: directory.file("log"))
        for (number, id) in taken {
            let response = try await HTTPClient.get(restarted.baseURL.appendingPathComponent("api/v1/tickets/\(number)"))
            #expect(response.status == 200)
            #expect(response.json["id"]?.intValue.map(Int64.init) == id)
        }
        for business in Self.businesses {
            let last = stored.filter { $0.issuedBusiness == business }.map(\.sequence).max() ?? 0
            let response = try await HTTPClient.post(
                restarted.baseURL.appendingPathComponent("api/v1/tickets"), json: #"{"business": "\#(business)"}"#)
            let number = try #require(response.json["number"]?.stringValue, "\(response.status): \(response.json.jsonText)")
            #expect(Int(number.drop { $0.isLetter }) == last + 1, "\(business) reused or skipped a number after restart")
        }
        try await restarted.stop(signal: SIGTERM)
    }
}
