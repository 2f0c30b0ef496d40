// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import GRDB

extension QueueStore {
    /// Append-only schema history. Never edit a registered migration; add a new one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-queue") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ticket (
                        id INTEGER PRIMARY KEY,
                        service_day TEXT NOT NULL,
                        number TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        issued_business TEXT NOT NULL,
                        business TEXT NOT NULL,
                        priority TEXT NOT NULL,
                        priority_category TEXT,
                        status TEXT NOT NULL,
                        taken_at REAL NOT NULL,
                        queue_key REAL NOT NULL,
                        pinned_window TEXT,
                        window_id TEXT,
                        first_called_at REAL,
                        last_called_at REAL,
                        recall_count INTEGER NOT NULL,
                        transfer_count INTEGER NOT NULL,
                        closed_at REAL,
                        outcome TEXT,
                        rating_level INTEGER,
                        rating_reason TEXT,
                        rated_at REAL
                    );
                    -- No number is ever issued twice in a service day.
                    CREATE UNIQUE INDEX ticket_day_number ON ticket(service_day, number);
                    CREATE INDEX ticket_status ON ticket(status);
                    CREATE TABLE window_state (
                        id TEXT PRIMARY KEY,
                        businesses TEXT NOT NULL,
                        paused INTEGER NOT NULL,
                        current_ticket INTEGER REFERENCES ticket(id),
                        interleave_position INTEGER NOT NULL
                    );
                    CREATE TABLE event (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        at REAL NOT NULL,
                        service_day TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        ticket_id INTEGER,
                        number TEXT,
                        business TEXT,
                        window_id TEXT,
                        detail TEXT NOT NULL
                    );
                    CREATE INDEX event_day ON event(service_day, seq);
                    CREATE INDEX event_kind ON event(kind, seq);
                    """)
        }
        // Every index is a page more to write and fsync on each operation. Keep only what reads need,
        // as partial indexes: open tickets and alarm changes (both read at start-up). The latest calls
        // are found by scanning the log backwards from its end, which stops after a few rows.
        migrator.registerMigration("v2-partial-indexes") { db in
            try db.execute(
                sql: """
                    DROP INDEX ticket_status;
                    CREATE INDEX ticket_open ON ticket(status) WHERE status IN ('waiting', 'called', 'held', 'skipped');
                    DROP INDEX event_day;
                    DROP INDEX event_kind;
                    CREATE INDEX event_alarm ON event(business, seq) WHERE kind = 'alarm_changed';
                    """)
        }
        // A ticket taken with an ID card keeps only a keyed hash of the number, erased when its day ends.
        migrator.registerMigration("v3-ticket-holder-key") { db in
            try db.execute(sql: "ALTER TABLE ticket ADD COLUMN holder_key TEXT")
        }
        // Facts about the store itself, such as the fingerprint of the key its personal data is sealed with.
        migrator.registerMigration("v4-meta") { db in
            try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        }
        // Proxy cases in the same file: catalogue, agents, cases and their outbox (see ``CaseStore``).
        migrator.registerMigration("v5-cases", migrate: CaseStore.createTables)
        // What the sync client pulls (stream cursors, bookings, the server's notes on cases) and what the
        // queue forwards to the outbox (ratings, day statistics).
        migrator.registerMigration("v6-sync", migrate: CaseStore.createSyncTables)
        // A booking checked in at the kiosk keeps the number it was given and when.
        migrator.registerMigration("v7-booking-check-in", migrate: CaseStore.addBookingCheckIn)
        return migrator
    }()
}
