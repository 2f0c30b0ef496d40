// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import Queue
import Store

/// `GET /api/v1/events`: server-sent events of every committed queue event, for displays and pages.
///
/// A client that reconnects with `Last-Event-ID` (browsers do this by themselves) first gets the
/// events it missed from the audit log, then the live ones, so no call is lost across a reconnect.
struct EventStreamRoute {
    let hall: HallService
    let broadcaster: EventBroadcaster

    func register(on router: Router<KioskRequestContext>) {
        router.get("api/v1/events") { request, _ -> Response in
            let lastSeen = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { Int64($0) }
                ?? request.uri.queryParameters["after"].flatMap { Int64(String($0)) }
            let live = broadcaster.subscribe()
            let missed = try lastSeen.map { try hall.events(after: $0) } ?? []
            let headers: HTTPFields = [
                .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
                HTTPField.Name("X-Accel-Buffering")!: "no",
            ]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                var sent = lastSeen ?? 0
                try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
                for event in missed {
                    try await writer.write(Self.message(event))
                    sent = event.seq
                }
                for await message in live {
                    switch message {
                    case .event(let event) where event.seq > sent:
                        try await writer.write(Self.message(event))
                        sent = event.seq
                    case .event:
                        continue
                    case .live(let live):
                        let json = String(decoding: try JSONCoding.encoder.encode(live), as: UTF8.self)
                        try await writer.write(ByteBuffer(string: "event: \(live.kind)\ndata: \(json)\n\n"))
                    case .ping:
                        try await writer.write(ByteBuffer(string: ": ping\n\n"))
                    }
                }
                try await writer.finish(nil)
            })
        }
    }

    static func message(_ event: StoredEvent) throws -> ByteBuffer {
        let json = String(decoding: try JSONCoding.encoder.encode(EventView(stored: event)), as: UTF8.self)
        return ByteBuffer(string: "id: \(event.seq)\nevent: \(event.event.kind.rawValue)\ndata: \(json)\n\n")
    }
}
