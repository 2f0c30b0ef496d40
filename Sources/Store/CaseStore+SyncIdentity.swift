// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import GRDB

extension CaseStore {
    /// Binds the outbox to the device id the central server knows this kiosk by, the first time it syncs.
    ///
    /// The server numbers operations per device: an outbox that already pushed as one device cannot go on as
    /// another (its sequence numbers would start in the middle, and a restore would resend another device's
    /// cases). So a different id is refused while the outbox holds operations; a kiosk with an empty outbox
    /// (a fresh store) may take any id.
    /// - Parameter deviceID: The enrolled device id.
    /// - Returns: `nil` when the outbox is bound to this id now, else the id it is bound to.
    /// - Throws: ``StoreError`` `writeFailed`.
    public func bindSyncIdentity(deviceID: String) throws(StoreError) -> String? {
        do {
            return try writer.write { db in
                let bound = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'sync_device_id'")
                if let bound, bound != deviceID {
                    let operations = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
                    guard operations == 0 else { return bound }
                }
                try db.execute(
                    sql: "INSERT INTO meta (key, value) VALUES ('sync_device_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [deviceID])
                return nil
            }
        } catch {
            throw StoreError(.writeFailed, "cannot bind the outbox to the device id", underlying: error)
        }
    }
}
