// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import GRDB

/// A row of the `matter` table: a catalogue entry as pulled, materials as JSON.
struct MatterRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "matter"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var code: String
    var name: String
    var department: String
    var materials: String
    var allowsDeferral: Bool
    var promisedDays: Int
    var retired: Bool
    var version: Int64
}
