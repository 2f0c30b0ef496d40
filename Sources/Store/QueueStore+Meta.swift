// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import GRDB

extension QueueStore {
    /// The fingerprint of the data key the store's personal data is sealed with, once one was recorded.
    public func dataKeyFingerprint() throws(StoreError) -> String? {
        do {
            return try writer.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'data_key_fingerprint'") }
        } catch {
            throw StoreError(.readFailed, "cannot read the data key fingerprint", underlying: error)
        }
    }

    /// Records the data key's fingerprint; a store keeps the first one it was given.
    /// - Returns: The fingerprint now recorded (the earlier one if there was one).
    @discardableResult
    public func recordDataKeyFingerprint(_ fingerprint: String) throws(StoreError) -> String {
        do {
            return try writer.write { db in
                try db.execute(
                    sql: "INSERT INTO meta (key, value) VALUES ('data_key_fingerprint', ?) ON CONFLICT(key) DO NOTHING",
                    arguments: [fingerprint])
                return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'data_key_fingerprint'") ?? fingerprint
            }
        } catch {
            throw StoreError(.writeFailed, "cannot record the data key fingerprint", underlying: error)
        }
    }
}
