// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Queue

/// The day's figures (schema `Statistics`).
struct StatisticsView: Encodable {
    let statistics: HallStatistics

    private enum Keys: String, CodingKey { case serviceDay, businesses, windows }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(statistics.serviceDay, forKey: .serviceDay)
        try container.encode(statistics.businesses.map(FiguresView.init), forKey: .businesses)
        try container.encode(statistics.windows.map(FiguresView.init), forKey: .windows)
    }
}

/// Figures of one business or window (schema `Figures`).
struct FiguresView: Encodable {
    let figures: HallStatistics.Figures

    private enum Keys: String, CodingKey {
        case id, tickets, waiting, finished, skipped, meanWaitSeconds, maxWaitSeconds, meanServiceSeconds, ratings
        case satisfaction
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(figures.id, forKey: .id)
        try container.encode(figures.tickets, forKey: .tickets)
        try container.encode(figures.waiting, forKey: .waiting)
        try container.encode(figures.finished, forKey: .finished)
        try container.encode(figures.skipped, forKey: .skipped)
        try container.encode(figures.meanWaitSeconds.map { $0.rounded() }, forKey: .meanWaitSeconds)
        try container.encode(figures.maxWaitSeconds.map { $0.rounded() }, forKey: .maxWaitSeconds)
        try container.encode(figures.meanServiceSeconds.map { $0.rounded() }, forKey: .meanServiceSeconds)
        var ratings: [String: Int] = [:]
        for level in RatingLevel.allCases { ratings[String(level.rawValue)] = figures.ratings[String(level.rawValue)] ?? 0 }
        try container.encode(ratings, forKey: .ratings)
        try container.encode(figures.satisfaction, forKey: .satisfaction)
    }
}
