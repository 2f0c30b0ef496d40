// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
public import PersonalData
import SyncProtocol

/// Proxy cases (代办件) on the kiosk: the matter catalogue, the village agents, the captured cases and the
/// outbox the sync client pushes from, in the queue's own SQLite file (WAL, `synchronous=FULL`).
///
/// ``capture(_:)`` writes the case, its outbox entry with the device's next sequence number and the
/// receipt number in one transaction, and returns only after the commit, so a receipt is printed for a
/// case that is on disk. Personal data (the applicant, the phone, the outbox payload that carries both) is
/// sealed with the ``DataKey`` before it reaches SQLite; masked forms are kept clear for lists and
/// reprints. ``purgeAcknowledged(olderThan:at:)`` erases the sealed data once the server acknowledged it
/// and the retention passed.
public struct CaseStore: Sendable {
    /// The database, shared with the ``QueueStore`` it was made from.
    let writer: any DatabaseWriter
    let dataKey: DataKey
    /// The device id printed in receipt numbers, e.g. `K0007`.
    public let deviceID: String

    /// Opens the case tables of a queue store's database (migrated with it).
    /// - Parameters:
    ///   - store: The queue store; cases live in the same file.
    ///   - dataKey: Seals the applicant, the phone and outbox payloads.
    ///   - deviceID: The device id for receipt numbers.
    public init(store: QueueStore, dataKey: DataKey, deviceID: String) {
        writer = store.writer
        self.dataKey = dataKey
        self.deviceID = deviceID
    }

    /// Raises a named counter by one and returns the new value; a high-water mark that never goes down.
    /// One cached statement: capture runs it twice in every transaction.
    static func nextValue(of counter: String, atLeast floor: Int64 = 0, in db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: "UPDATE counter SET value = MAX(value, ?) + 1 WHERE name = ? RETURNING value")
        guard let value = try Int64.fetchOne(statement, arguments: [floor, counter]) else {
            throw StoreError(.writeFailed, "the counter \(counter) is missing")
        }
        return value
    }

    /// Appends an operation to the outbox with the device's next sequence number (one more than the highest
    /// ever used, never reused), its JSON sealed with the data key.
    /// - Returns: The operation's sequence number.
    @discardableResult
    func appendOperation(
        _ payload: SyncOperation.Payload, createdAt: Date, encoder: JSONEncoder, in db: Database
    ) throws -> Int64 {
        let highest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM outbox")) ?? 0
        let seq = try Self.nextValue(of: "outbox_seq", atLeast: highest, in: db)
        let json = try encoder.encode(SyncOperation(seq: seq, createdAt: createdAt, payload: payload))
        try OutboxRecord(
            seq: seq, kind: payload.kind, payload: try dataKey.seal(json, context: Self.context(seq: seq)),
            byteCount: json.count, createdAt: createdAt.timeIntervalSince1970, ackedAt: nil, rejectionReason: nil
        ).insert(db)
        return seq
    }

    /// The sealing context of a column of a case: a sealed box copied to another row does not open there.
    static func context(case caseID: String, field: String) -> String { "case/\(caseID)/\(field)" }

    /// The sealing context of an outbox payload.
    static func context(seq: Int64) -> String { "outbox/\(seq)" }
}
