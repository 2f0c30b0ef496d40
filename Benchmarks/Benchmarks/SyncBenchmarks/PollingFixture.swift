// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import AsyncHTTPClient
import Benchmark
import Central
import Foundation
import NIOCore
import NIOHTTP1
import SyncProtocol

/// Figure 4: the resident memory of the server process while thousands of kiosks pull the catalogue, bookings
/// and case-status streams periodically (each kiosk keeps its cursors and its keep-alive connection, as the sync
/// client does), against the same process idle with the same kiosks enrolled.
final class PollingFixture: Sendable {
    /// The time between two pulls of a kiosk.
    static let period: Duration = .seconds(5)
    /// The rounds each kiosk pulls.
    static let rounds = 3

    let fixture: CentralFixture
    let kiosks: [SimulatedKiosk]

    init(fixture: CentralFixture, kiosks count: Int) async throws {
        self.fixture = fixture
        kiosks = try await SimulatedKiosk.enrol(count, in: fixture)
        try await fixture.store.importCatalogue(BenchCases.catalogue)
    }

    func run(_ benchmark: Benchmark) async throws {
        let http = SimulatedKiosk.makeHTTPClient(connections: kiosks.count)
        let idle = residentBytes()
        let fixture = fixture
        let pollers = kiosks
        let peak: Int
        do {
            peak = try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask {
                    try await withThrowingTaskGroup(of: Void.self) { kiosks in
                        for kiosk in pollers {
                            kiosks.addTask { try await Self.poll(as: kiosk, over: http, to: fixture.baseURL) }
                        }
                        try await kiosks.waitForAll()
                    }
                    return 0
                }
                // Samples the resident set every 100 ms until cancelled, and returns the largest.
                group.addTask {
                    var largest = idle
                    while !Task.isCancelled {
                        largest = max(largest, residentBytes())
                        try? await Task.sleep(for: .milliseconds(100))
                    }
                    return largest
                }
                _ = try await group.next()
                group.cancelAll()
                return try await group.reduce(idle, max)
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
        benchmark.measurement(oursMetric, peak)
        benchmark.measurement(baselineMetric, idle)
    }

    /// One kiosk: a random start within the first period, then a pull of every stream each period.
    private static func poll(as kiosk: SimulatedKiosk, over http: HTTPClient, to baseURL: String) async throws {
        var cursors: [PullStream: String] = [:]
        try await Task.sleep(for: period * Double.random(in: 0...1))
        for round in 0..<rounds {
            let started = ContinuousClock.now
            for stream in PullStream.allCases {
                var path = "/sync/v1/pull/\(stream.rawValue)"
                if let cursor = cursors[stream]?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
                    path += "?cursor=" + cursor
                }
                let answer = try await kiosk.send(.GET, path, body: nil, over: http, to: baseURL)
                guard answer.status == 200 else { throw BenchError("pull \(stream.rawValue) answered \(answer.status)") }
                cursors[stream] = try SyncJSON.decoder().decode(CursorOnly.self, from: Data(answer.body.readableBytesView))
                    .nextCursor
            }
            if round < rounds - 1 { try await Task.sleep(until: started + period, clock: .continuous) }
        }
    }

    /// A pull page's cursor, whatever its changes are.
    private struct CursorOnly: Decodable {
        let nextCursor: String

        enum CodingKeys: String, CodingKey { case nextCursor = "next_cursor" }
    }
}
