// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Queue

/// One business's status (schema `Business`).
struct BusinessView: Encodable {
    let status: BusinessStatus

    private enum Keys: String, CodingKey {
        case code, name, prefix, waiting, alarmLevel, alarmLabel, longestWaitSeconds, openWindows, takingTickets
        case estimatedWaitSeconds
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(status.code, forKey: .code)
        try container.encode(status.name, forKey: .name)
        try container.encode(status.prefix, forKey: .prefix)
        try container.encode(status.waiting, forKey: .waiting)
        try container.encode(status.alarmLevel, forKey: .alarmLevel)
        try container.encode(status.alarmLevel.label, forKey: .alarmLabel)
        try container.encode(status.longestWaitSeconds.rounded(), forKey: .longestWaitSeconds)
        try container.encode(status.openWindows, forKey: .openWindows)
        try container.encode(status.takingTickets, forKey: .takingTickets)
        try container.encode(status.estimatedWaitSeconds.map { $0.rounded() }, forKey: .estimatedWaitSeconds)
    }
}

/// The list of businesses (`GET /api/v1/businesses`).
struct BusinessListView: Encodable {
    let businesses: [BusinessView]
}
