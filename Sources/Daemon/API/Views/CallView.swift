// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Store

/// A called ticket and why (schema `Call`).
struct CallView: Encodable {
    let ticket: TicketView
    let reason: CallReason
}

/// One of the latest calls on the display (schema `RecentCall`).
struct RecentCallView: Encodable {
    let call: StoredEvent
    let configuration: HallConfiguration

    private enum Keys: String, CodingKey { case number, business, businessName, window, windowName, at, recall }

    func encode(to encoder: any Encoder) throws {
        let event = call.event
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(event.number ?? "", forKey: .number)
        try container.encode(event.business ?? "", forKey: .business)
        try container.encode(event.business.flatMap { configuration.business($0)?.name } ?? "", forKey: .businessName)
        try container.encode(event.window ?? "", forKey: .window)
        try container.encode(event.window.flatMap { configuration.window($0)?.name } ?? event.window ?? "", forKey: .windowName)
        try container.encode(event.at, forKey: .at)
        try container.encode(event.kind == .ticketRecalled, forKey: .recall)
    }
}
