// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The daemon's event stream (`GET /api/v1/events`) as ``DaemonEvent``s: it reconnects by itself after the
/// delay the stream asked for (`retry:`, 3 s by default), sending `Last-Event-ID` so that no call of the day
/// is missed.
public struct EventStream: Sendable {
    private let client: DaemonClient

    /// A stream of the client's daemon.
    public init(client: DaemonClient) {
        self.client = client
    }

    /// Reads the stream until the task is cancelled, reconnecting whenever it ends or fails.
    /// - Parameter deliver: Called with each event, in order.
    public func run(deliver: @Sendable (DaemonEvent) async -> Void) async {
        var lastEventID: String?
        var retry = Duration.seconds(3)
        while !Task.isCancelled {
            var parser = ServerSentEventParser()
            var request = HTTPClientRequest(url: client.server + "/api/v1/events")
            request.headers.add(name: "Accept", value: "text/event-stream")
            if let lastEventID { request.headers.add(name: "Last-Event-ID", value: lastEventID) }
            do {
                let response = try await client.http.execute(request, timeout: DaemonClient.requestTimeout)
                if response.status == .ok {
                    for try await chunk in response.body {
                        for message in parser.feed(chunk.readableBytesView) {
                            if let id = message.id { lastEventID = id }
                            if let event = DaemonEvent(message) { await deliver(event) }
                        }
                    }
                }
            } catch {
                // The daemon is away or restarting: try again after the delay.
            }
            if let milliseconds = parser.retryMilliseconds { retry = .milliseconds(milliseconds) }
            try? await Task.sleep(for: retry)
        }
    }
}
