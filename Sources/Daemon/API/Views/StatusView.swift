// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue

/// The whole hall for displays (schema `Status`).
struct StatusView: Encodable {
    let picture: HallService.Picture

    private enum Keys: String, CodingKey { case hall, timeZone, serviceDay, now, policy, businesses, windows, recentCalls }

    func encode(to encoder: any Encoder) throws {
        let engine = picture.engine
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(engine.configuration.name, forKey: .hall)
        try container.encode(engine.configuration.timeZone.identifier, forKey: .timeZone)
        try container.encode(engine.serviceDay, forKey: .serviceDay)
        try container.encode(picture.now, forKey: .now)
        try container.encode(engine.configuration.callingPolicy.description, forKey: .policy)
        try container.encode(engine.businessStatuses(now: picture.now).map(BusinessView.init), forKey: .businesses)
        try container.encode(engine.allWindows.map { WindowView(window: $0, engine: engine) }, forKey: .windows)
        try container.encode(
            picture.recentCalls.map { RecentCallView(call: $0, configuration: engine.configuration) }, forKey: .recentCalls)
    }
}
