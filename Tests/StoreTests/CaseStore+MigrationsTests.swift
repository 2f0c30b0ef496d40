// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Testing

@testable import Store

/// An existing database at `v4-meta` gains the case tables on open, keeping its queue data.
struct CaseStoreMigrationTests {
    @Test func aQueueDatabaseFromBeforeCasesUpgrades() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-v4-\(UUID().uuidString).sqlite").path
        // A database as kioskd left it before cases: migrated to v4, with a fact in it.
        do {
            let old = try DatabaseQueue(path: path)
            try QueueStore.migrator.migrate(old, upTo: "v4-meta")
            try old.write { db in try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('data_key_fingerprint', 'f00d')") }
            try old.close()
        }
        let store = try QueueStore(path: path)
        let identifiers = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(identifiers == ["v1-queue", "v2-partial-indexes", "v3-ticket-holder-key", "v4-meta", "v5-cases", "v6-sync", "v7-booking-check-in"])
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(try store.dataKeyFingerprint() == "f00d")
        #expect(Set(["matter", "agent", "proxy_case", "outbox", "counter", "sync_state", "sync_cursor", "booking", "ticket", "meta"]).isSubset(of: Set(tables)))
    }

    @Test func aCaseDatabaseFromBeforeSyncUpgradesKeepingItsSequence() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-v5-\(UUID().uuidString).sqlite").path
        do {
            let old = try DatabaseQueue(path: path)
            try QueueStore.migrator.migrate(old, upTo: "v5-cases")
            try old.write { db in try db.execute(sql: "UPDATE counter SET value = 7 WHERE name = 'outbox_seq'") }
            try old.close()
        }
        let store = try QueueStore(path: path)
        let counters = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, value FROM counter ORDER BY name").map { ($0[0] as String, $0[1] as Int64) }
        }
        #expect(counters.map(\.0) == ["outbox_seq", "rating_event", "receipt", "statistics_day"])
        #expect(counters.map(\.1) == [7, 0, 0, 0])
        let columns = try store.writer.read { db in try db.columns(in: "proxy_case").map(\.name) }
        #expect(columns.contains("server_note") && columns.contains("server_status_version"))
    }
}
