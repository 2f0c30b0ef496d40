// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import SyncProtocol

/// The new operations of a push, sorted for batched writes: the rejections found without the database (an
/// unsupported schema version, a field check), and the cases, ratings and day statistics left to write.
struct PushPlan: Sendable {
    /// An operation's payload with its sequence and the time the device made it.
    struct Entry<Payload: Sendable>: Sendable {
        let seq: Int64
        let createdAt: Date
        let payload: Payload
    }

    /// Why each operation rejected so far is permanently invalid, by sequence.
    var rejections: [Int64: String] = [:]
    /// The cases to file, in sequence order.
    private(set) var cases: [Entry<CaseCapture>] = []
    /// The ratings to record, in sequence order.
    private(set) var ratings: [Entry<RatingRecord>] = []
    /// The day statistics to record, in sequence order.
    private(set) var statistics: [Entry<DayStatistics>] = []

    /// Checks and sorts operations.
    /// - Parameter operations: The operations the server has not recorded yet, in sequence order.
    init(_ operations: [SyncOperation]) {
        for operation in operations {
            if operation.schemaVersion > SyncOperation.currentSchemaVersion
                || operation.schemaVersion < SyncOperation.currentSchemaVersion - 1
            {
                rejections[operation.seq] = "数据版本不受支持"
                continue
            }
            switch operation.payload {
            case .caseCaptured(let capture):
                if let problem = CaptureCheck.problem(with: capture) {
                    rejections[operation.seq] = problem
                } else {
                    cases.append(Entry(seq: operation.seq, createdAt: operation.createdAt, payload: capture))
                }
            case .ratingGiven(let rating):
                if let problem = CaptureCheck.problem(with: rating) {
                    rejections[operation.seq] = problem
                } else {
                    ratings.append(Entry(seq: operation.seq, createdAt: operation.createdAt, payload: rating))
                }
            case .dayStatistics(let report):
                if let problem = CaptureCheck.problem(with: report) {
                    rejections[operation.seq] = problem
                } else {
                    statistics.append(Entry(seq: operation.seq, createdAt: operation.createdAt, payload: report))
                }
            }
        }
    }

    /// One row of `day_statistics` per point day and business: the last report of a day in the batch replaces
    /// the earlier ones, as one statement cannot write the same row twice.
    var statisticsRows: [(seq: Int64, day: String, business: DayStatistics.Business)] {
        var latest: [String: Int] = [:]
        var rows: [(seq: Int64, day: String, business: DayStatistics.Business)] = []
        for entry in statistics {
            for business in entry.payload.businesses {
                let row = (seq: entry.seq, day: entry.payload.serviceDay, business: business)
                let key = entry.payload.serviceDay + "\u{0}" + business.code
                if let index = latest[key] {
                    rows[index] = row
                } else {
                    latest[key] = rows.count
                    rows.append(row)
                }
            }
        }
        return rows
    }
}
