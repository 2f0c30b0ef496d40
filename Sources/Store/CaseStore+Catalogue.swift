// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
public import SyncProtocol

extension CaseStore {
    /// Stores catalogue entries as pulled, replacing earlier versions of the same matters (a retired one
    /// is kept, marked, so cases that name it still read).
    /// - Parameter matters: The entries.
    /// - Throws: ``StoreError`` `writeFailed`; none of them is stored then.
    public func storeMatters(_ matters: [MatterEntry]) throws(StoreError) {
        do {
            try writer.write { db in try Self.save(matters, in: db) }
        } catch {
            throw StoreError(.writeFailed, "cannot store catalogue entries", underlying: error)
        }
    }

    /// Saves catalogue entries, replacing the stored versions of the same matters.
    static func save(_ matters: [MatterEntry], in db: Database) throws {
        let encoder = SyncJSON.encoder()
        for matter in matters {
            try MatterRecord(
                code: matter.code, name: matter.name, department: matter.department,
                materials: String(decoding: try encoder.encode(matter.materials), as: UTF8.self),
                allowsDeferral: matter.allowsDeferral, promisedDays: matter.promisedDays, retired: matter.retired,
                version: matter.version
            ).save(db)
        }
    }

    /// The matters agents can capture cases for (not retired), by code.
    public func matters() throws(StoreError) -> [MatterEntry] {
        do {
            return try writer.read { db in
                try MatterRecord.fetchAll(db, sql: "SELECT * FROM matter WHERE retired = 0 ORDER BY code").compactMap(\.entry)
            }
        } catch {
            throw StoreError(.readFailed, "cannot read the catalogue", underlying: error)
        }
    }

    /// The matter with this code, unless it is unknown or retired.
    public func matter(code: String) throws(StoreError) -> MatterEntry? {
        do {
            return try writer.read { db in
                try MatterRecord.fetchOne(db, sql: "SELECT * FROM matter WHERE code = ? AND retired = 0", arguments: [code])?.entry
            }
        } catch {
            throw StoreError(.readFailed, "cannot read the catalogue", underlying: error)
        }
    }
}

extension MatterRecord {
    /// The catalogue entry; `nil` when its materials do not decode.
    var entry: MatterEntry? {
        guard let materials = try? SyncJSON.decoder().decode([MatterEntry.Material].self, from: Data(materials.utf8)) else {
            return nil
        }
        return MatterEntry(
            code: code, name: name, department: department, materials: materials, allowsDeferral: allowsDeferral,
            promisedDays: promisedDays, retired: retired, version: version)
    }
}
