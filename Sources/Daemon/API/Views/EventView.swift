// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Store

/// A logged event as the event stream sends it (schema `QueueEvent`).
struct EventView: Encodable {
    let stored: StoredEvent

    private enum Keys: String, CodingKey { case kind, seq, at, serviceDay, ticketId, number, business, window, detail }

    func encode(to encoder: any Encoder) throws {
        let event = stored.event
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(event.kind, forKey: .kind)
        try container.encode(stored.seq, forKey: .seq)
        try container.encode(event.at, forKey: .at)
        try container.encode(event.serviceDay, forKey: .serviceDay)
        try container.encode(event.ticketID, forKey: .ticketId)
        try container.encode(event.number, forKey: .number)
        try container.encode(event.business, forKey: .business)
        try container.encode(event.window, forKey: .window)
        try container.encode(event.detail, forKey: .detail)
    }
}
