// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Queue

/// A window as displays see it (schema `Window`).
struct WindowView: Encodable {
    let window: WindowState
    let engine: QueueEngine

    private enum Keys: String, CodingKey { case id, name, paused, businesses, current }
    private enum CurrentKeys: String, CodingKey { case number, business, businessName }

    func encode(to encoder: any Encoder) throws {
        let configuration = engine.configuration
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(window.id, forKey: .id)
        try container.encode(configuration.window(window.id)?.name ?? window.id, forKey: .name)
        try container.encode(window.paused, forKey: .paused)
        try container.encode(window.businesses, forKey: .businesses)
        if let current = window.currentTicket.flatMap({ engine.ticket(id: $0) }) {
            var nested = container.nestedContainer(keyedBy: CurrentKeys.self, forKey: .current)
            try nested.encode(current.number, forKey: .number)
            try nested.encode(current.business, forKey: .business)
            try nested.encode(configuration.business(current.business)?.name ?? current.business, forKey: .businessName)
        } else {
            try container.encodeNil(forKey: .current)
        }
    }
}

/// The list of windows (`GET /api/v1/windows`).
struct WindowListView: Encodable {
    let windows: [WindowView]
}
