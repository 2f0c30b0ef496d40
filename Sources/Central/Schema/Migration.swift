// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// One versioned change of the central schema: statements run in one transaction and recorded in
/// `schema_migrations`. Migrations are append-only: a released one is never edited, a change is a new version.
struct Migration: Sendable {
    /// The version, 1, 2, 3 … with no gaps.
    let version: Int64
    /// What it does, recorded beside the version.
    let name: String
    /// The statements, one each (the extended query protocol runs one statement per query).
    let statements: [String]
}
