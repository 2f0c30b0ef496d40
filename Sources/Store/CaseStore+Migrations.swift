// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import GRDB

extension CaseStore {
    /// The proxy-case tables, in the queue's database file (migration `v5-cases`).
    ///
    /// - `matter`: the service-matter catalogue as pulled (事项目录), materials as JSON.
    /// - `agent`: village agents (代办员) with a scrypt PIN hash, its salt and cost, and the lockout state.
    /// - `proxy_case`: captured cases. The applicant and the phone are sealed with the data key (never clear
    ///   in the file); masked forms stay clear for lists and reprints, also after the purge.
    /// - `outbox`: one sealed ``SyncOperation`` JSON per device sequence number, as it will be pushed.
    /// - `counter`: high-water marks (outbox sequence, receipt number) that a purge never lowers.
    /// - `sync_state`: the one row the sync client updates (last error, last success).
    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE matter (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    department TEXT NOT NULL,
                    materials TEXT NOT NULL,
                    allows_deferral INTEGER NOT NULL,
                    promised_days INTEGER NOT NULL,
                    retired INTEGER NOT NULL,
                    version INTEGER NOT NULL
                );
                CREATE TABLE agent (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    pin_hash BLOB NOT NULL,
                    pin_salt BLOB NOT NULL,
                    pin_rounds INTEGER NOT NULL,
                    pin_block_size INTEGER NOT NULL,
                    pin_parallelism INTEGER NOT NULL,
                    failed_attempts INTEGER NOT NULL,
                    locked_until REAL
                );
                CREATE TABLE outbox (
                    seq INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    payload BLOB,
                    byte_count INTEGER NOT NULL,
                    created_at REAL NOT NULL,
                    acked_at REAL,
                    rejection_reason TEXT
                );
                CREATE INDEX outbox_pending ON outbox(seq) WHERE acked_at IS NULL;
                CREATE TABLE proxy_case (
                    case_id TEXT PRIMARY KEY,
                    receipt_number TEXT NOT NULL UNIQUE,
                    seq INTEGER NOT NULL UNIQUE REFERENCES outbox(seq),
                    matter_code TEXT NOT NULL,
                    matter_name TEXT NOT NULL,
                    catalogue_version INTEGER NOT NULL,
                    applicant_sealed BLOB,
                    applicant_masked_name TEXT NOT NULL,
                    applicant_masked_number TEXT NOT NULL,
                    phone_sealed BLOB,
                    materials TEXT NOT NULL,
                    agent_id TEXT NOT NULL,
                    captured_at REAL NOT NULL,
                    promised_completion TEXT NOT NULL,
                    sync_state TEXT NOT NULL,
                    rejection_reason TEXT,
                    server_case_number TEXT,
                    server_status TEXT,
                    purged_at REAL
                );
                CREATE INDEX proxy_case_captured ON proxy_case(captured_at);
                CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                INSERT INTO counter (name, value) VALUES ('outbox_seq', 0), ('receipt', 0);
                CREATE TABLE sync_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    last_error TEXT,
                    last_error_at REAL,
                    last_success_at REAL
                );
                INSERT INTO sync_state (id) VALUES (1);
                """)
    }

    /// The sync tables (migration `v6-sync`).
    ///
    /// - `sync_cursor`: each pulled stream's cursor, written in the transaction that applied its page.
    /// - `booking`: appointments (预约) for the point as pulled: masked holder and keyed hash only.
    /// - `proxy_case.server_note`, `server_status_version`: the server's note on a case and the version of the
    ///   status the kiosk holds, so an older change pulled late never overwrites a newer one.
    /// - `counter` rows `rating_event` (the last queue event forwarded as a rating) and `statistics_day` (the
    ///   last service day whose statistics were forwarded, as `yyyyMMdd`).
    static func createSyncTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE sync_cursor (stream TEXT PRIMARY KEY, cursor TEXT NOT NULL);
                CREATE TABLE booking (
                    code TEXT PRIMARY KEY,
                    business TEXT NOT NULL,
                    slot_start REAL NOT NULL,
                    slot_end REAL NOT NULL,
                    holder_masked_name TEXT NOT NULL,
                    holder_key TEXT,
                    status TEXT NOT NULL,
                    version INTEGER NOT NULL
                );
                CREATE INDEX booking_slot ON booking(slot_start);
                ALTER TABLE proxy_case ADD COLUMN server_note TEXT;
                ALTER TABLE proxy_case ADD COLUMN server_status_version INTEGER NOT NULL DEFAULT 0;
                INSERT INTO counter (name, value) VALUES ('rating_event', 0), ('statistics_day', 0);
                """)
    }

    /// The check-in columns of `booking` (migration `v7-booking-check-in`): `ticket_number`, the queue number
    /// the booking was checked in with at this kiosk, and `checked_in_at`. A pulled change never touches them.
    static func addBookingCheckIn(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE booking ADD COLUMN ticket_number TEXT;
                ALTER TABLE booking ADD COLUMN checked_in_at REAL;
                """)
    }
}
