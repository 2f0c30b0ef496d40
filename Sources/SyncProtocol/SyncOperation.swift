// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// One change a kiosk sends the central server, from its outbox: a proxy case captured, a rating given, a
/// day's queue statistics. Sequenced per device (`seq` 1, 2, 3 … with no gaps, never reused), committed
/// locally with what it records, and applied by the server exactly once.
///
/// JSON: `{"seq": 7, "schema_version": 1, "created_at": "…", "kind": "case_captured", "case": {…}}` — the
/// payload sits under the key named by its kind (`case`, `rating`, `statistics`).
public struct SyncOperation: Sendable, Hashable, Codable {
    /// The payload of an operation.
    public enum Payload: Sendable, Hashable {
        /// A proxy case (代办件) captured by a village agent.
        case caseCaptured(CaseCapture)
        /// A 好差评 rating of a finished ticket.
        case ratingGiven(RatingRecord)
        /// The hall's queue statistics of one service day.
        case dayStatistics(DayStatistics)

        /// The wire name of the kind.
        public var kind: String {
            switch self {
            case .caseCaptured: "case_captured"
            case .ratingGiven: "rating_given"
            case .dayStatistics: "day_statistics"
            }
        }
    }

    /// The schema version this build writes; the server accepts this and the one before.
    public static let currentSchemaVersion = 1

    /// The device's sequence number: 1 for its first operation, then one more for each.
    public var seq: Int64
    /// The schema version the operation was written with.
    public var schemaVersion: Int
    /// When the device created it, by the device's clock: evidence, never used to order anything.
    public var createdAt: Date
    /// What it records.
    public var payload: Payload

    /// Creates an operation.
    /// - Parameters:
    ///   - seq: The device's sequence number.
    ///   - schemaVersion: The schema version (default ``currentSchemaVersion``).
    ///   - createdAt: The device's clock at creation.
    ///   - payload: What it records.
    public init(seq: Int64, schemaVersion: Int = SyncOperation.currentSchemaVersion, createdAt: Date, payload: Payload) {
        self.seq = seq
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
        self.payload = payload
    }

    private enum Keys: String, CodingKey {
        case seq, schemaVersion = "schema_version", createdAt = "created_at", kind
        case caseCapture = "case", rating, statistics
    }

    /// Decodes an operation; an unknown kind is a decoding error naming it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        seq = try container.decode(Int64.self, forKey: .seq)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "case_captured": payload = .caseCaptured(try container.decode(CaseCapture.self, forKey: .caseCapture))
        case "rating_given": payload = .ratingGiven(try container.decode(RatingRecord.self, forKey: .rating))
        case "day_statistics": payload = .dayStatistics(try container.decode(DayStatistics.self, forKey: .statistics))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown operation kind \(kind)")
        }
    }

    /// Encodes the operation with its payload under the kind's key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(seq, forKey: .seq)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(payload.kind, forKey: .kind)
        switch payload {
        case .caseCaptured(let capture): try container.encode(capture, forKey: .caseCapture)
        case .ratingGiven(let rating): try container.encode(rating, forKey: .rating)
        case .dayStatistics(let statistics): try container.encode(statistics, forKey: .statistics)
        }
    }
}
