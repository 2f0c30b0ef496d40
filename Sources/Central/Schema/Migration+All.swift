// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension Migration {
    /// Every migration, in version order.
    static let all: [Migration] = [initialSchema, deviceReports]

    /// Points, enrolment, devices, the per-device ledger, cases with their status log, the catalogue,
    /// bookings, ratings, day statistics, the audit log and the server's settings (epoch, data-key fingerprint).
    ///
    /// One sequence, `change_seq`, numbers every change a device can pull (matters, bookings, case status
    /// changes): a cursor is a position in it, and a cursor beyond its current value comes from before a restore.
    static let initialSchema = Migration(
        version: 1, name: "initial schema",
        statements: [
            """
            CREATE TABLE server_settings (
                name text PRIMARY KEY,
                value text NOT NULL
            )
            """,
            "INSERT INTO server_settings (name, value) VALUES ('epoch', gen_random_uuid()::text)",
            "CREATE SEQUENCE change_seq",
            "CREATE SEQUENCE case_number_seq",
            """
            CREATE TABLE points (
                point_id text PRIMARY KEY,
                name text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE enrollment_codes (
                code_hash text PRIMARY KEY,
                point_id text NOT NULL REFERENCES points,
                created_at timestamptz NOT NULL DEFAULT now(),
                expires_at timestamptz NOT NULL,
                used_at timestamptz,
                device_id text
            )
            """,
            """
            CREATE TABLE devices (
                device_id text PRIMARY KEY,
                point_id text NOT NULL REFERENCES points,
                label text NOT NULL,
                public_key bytea NOT NULL CHECK (length(public_key) = 32),
                enrolled_at timestamptz NOT NULL DEFAULT now(),
                revoked_at timestamptz,
                last_seq bigint NOT NULL DEFAULT 0,
                last_seen timestamptz
            )
            """,
            """
            CREATE TABLE mutations (
                device_id text NOT NULL REFERENCES devices,
                seq bigint NOT NULL,
                kind text NOT NULL,
                result text NOT NULL CHECK (result IN ('applied', 'rejected')),
                reason text,
                case_number text,
                received_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (device_id, seq)
            )
            """,
            """
            CREATE TABLE matters (
                code text PRIMARY KEY,
                name text NOT NULL,
                department text NOT NULL,
                materials jsonb NOT NULL,
                allows_deferral boolean NOT NULL,
                promised_days integer NOT NULL,
                retired boolean NOT NULL DEFAULT false,
                version bigint NOT NULL,
                change_id bigint NOT NULL UNIQUE
            )
            """,
            """
            CREATE TABLE cases (
                case_id text PRIMARY KEY,
                case_number text NOT NULL UNIQUE,
                point_id text NOT NULL REFERENCES points,
                device_id text NOT NULL REFERENCES devices,
                seq bigint NOT NULL,
                receipt_number text NOT NULL,
                matter_code text NOT NULL REFERENCES matters,
                catalogue_version bigint NOT NULL,
                applicant_sealed bytea NOT NULL,
                holder_key text NOT NULL,
                masked_name text NOT NULL,
                masked_number text NOT NULL,
                card_type text NOT NULL,
                materials jsonb NOT NULL,
                contact_phone text NOT NULL,
                agent_id text NOT NULL,
                promised_completion text NOT NULL,
                status text NOT NULL,
                version bigint NOT NULL,
                captured_at_device timestamptz NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (device_id, seq)
            )
            """,
            "CREATE INDEX cases_holder_key ON cases (holder_key)",
            """
            CREATE TABLE case_status_changes (
                change_id bigint PRIMARY KEY DEFAULT nextval('change_seq'),
                case_id text NOT NULL REFERENCES cases,
                point_id text NOT NULL REFERENCES points,
                status text NOT NULL,
                note text,
                version bigint NOT NULL,
                changed_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX case_status_changes_point ON case_status_changes (point_id, change_id)",
            """
            CREATE TABLE bookings (
                code text PRIMARY KEY,
                point_id text NOT NULL REFERENCES points,
                business text NOT NULL,
                slot_start timestamptz NOT NULL,
                slot_end timestamptz NOT NULL,
                holder_masked_name text NOT NULL,
                holder_key text,
                status text NOT NULL CHECK (status IN ('booked', 'cancelled', 'checked_in')),
                version bigint NOT NULL,
                change_id bigint NOT NULL UNIQUE
            )
            """,
            "CREATE INDEX bookings_point ON bookings (point_id, change_id)",
            """
            CREATE TABLE ratings (
                point_id text NOT NULL REFERENCES points,
                service_day text NOT NULL,
                ticket_number text NOT NULL,
                device_id text NOT NULL REFERENCES devices,
                seq bigint NOT NULL,
                business text NOT NULL,
                window_id text,
                level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
                reason text,
                rated_at timestamptz NOT NULL,
                PRIMARY KEY (point_id, service_day, ticket_number)
            )
            """,
            """
            CREATE TABLE day_statistics (
                point_id text NOT NULL REFERENCES points,
                service_day text NOT NULL,
                business text NOT NULL,
                taken integer NOT NULL,
                served integer NOT NULL,
                no_shows integer NOT NULL,
                average_wait_seconds double precision,
                average_service_seconds double precision,
                device_id text NOT NULL REFERENCES devices,
                seq bigint NOT NULL,
                PRIMARY KEY (point_id, service_day, business)
            )
            """,
            """
            CREATE TABLE audit_log (
                audit_id bigserial PRIMARY KEY,
                at timestamptz NOT NULL DEFAULT now(),
                device_id text,
                point_id text,
                action text NOT NULL,
                stream text,
                outcome text NOT NULL,
                operations integer NOT NULL DEFAULT 0,
                applied integer NOT NULL DEFAULT 0,
                duplicates integer NOT NULL DEFAULT 0,
                rejected integer NOT NULL DEFAULT 0,
                changes integer NOT NULL DEFAULT 0
            )
            """,
            "CREATE INDEX audit_log_device ON audit_log (device_id, at)",
        ])

    /// What each device last reported about its own outbox (`POST /sync/v1/report`): its backlog, its oldest
    /// pending operation's age and its last error, so `kiosk-central devices` flags an online point that is
    /// behind.
    static let deviceReports = Migration(
        version: 2, name: "device reports",
        statements: [
            """
            ALTER TABLE devices
                ADD COLUMN reported_at timestamptz,
                ADD COLUMN reported_pending integer,
                ADD COLUMN reported_oldest_pending_at timestamptz,
                ADD COLUMN reported_rejected integer,
                ADD COLUMN reported_last_error text,
                ADD COLUMN software_version text
            """
        ])
}
