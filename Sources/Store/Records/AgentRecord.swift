// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB

/// A row of the `agent` table: the PIN's scrypt hash with its salt and cost, and the lockout state.
struct AgentRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "agent"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: String
    var name: String
    var pinHash: Data
    var pinSalt: Data
    var pinRounds: Int
    var pinBlockSize: Int
    var pinParallelism: Int
    var failedAttempts: Int
    var lockedUntil: Double?

    var hash: PINHash {
        PINHash(
            hash: [UInt8](pinHash), salt: [UInt8](pinSalt),
            cost: PINHash.Cost(rounds: pinRounds, blockSize: pinBlockSize, parallelism: pinParallelism))
    }
}
