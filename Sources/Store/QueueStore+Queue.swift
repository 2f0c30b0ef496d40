// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
public import Queue

extension QueueStore {
    /// Writes one operation's change — ticket rows, window rows, and its events — in one durable transaction.
    /// - Returns: The events with their log sequence numbers.
    /// - Throws: ``StoreError`` `writeFailed`; nothing of the change is written then.
    @discardableResult
    public func apply(_ change: QueueChange) throws(StoreError) -> [StoredEvent] {
        guard !change.isEmpty else { return [] }
        do {
            return try writer.write { db in
                for ticket in change.tickets {
                    try TicketRecord(ticket).save(db)
                }
                for window in change.windows {
                    try WindowStateRecord(window).save(db)
                }
                for dayStart in change.events where dayStart.kind == .dayStarted {
                    try Self.eraseHolderKeys(before: dayStart.serviceDay, in: db)
                }
                return try change.events.map { event in
                    StoredEvent(seq: try EventRecord(event).append(db), event: event)
                }
            }
        } catch {
            throw StoreError(.writeFailed, "cannot write a queue change", underlying: error)
        }
    }

    /// Erases the card holders' keyed hashes of every ticket from days before `day`: the per-person limit
    /// is per day, so nothing links a ticket to a person once its day is over.
    static func eraseHolderKeys(before day: ServiceDay, in db: Database) throws {
        try db.execute(
            sql: "UPDATE ticket SET holder_key = NULL WHERE holder_key IS NOT NULL AND service_day < ?", arguments: [day.text])
    }

    /// What the engine needs to resume: the last service day's tickets plus older active ones, windows,
    /// sequences, recent service times and alarm levels.
    /// - Parameter sampleSize: How many recent service times to load per business.
    public func snapshot(sampleSize: Int = 20) throws(StoreError) -> QueueEngine.Snapshot {
        do {
            return try writer.read { db in
                let day = try String.fetchOne(db, sql: "SELECT service_day FROM event ORDER BY seq DESC LIMIT 1")
                let ticketRows = try TicketRecord.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM ticket
                        WHERE service_day = ? OR status IN ('waiting', 'called', 'held', 'skipped')
                        ORDER BY id
                        """, arguments: [day ?? ""])
                let windows = try WindowStateRecord.fetchAll(db, sql: "SELECT * FROM window_state ORDER BY id").map { try $0.windowState() }
                var lastSequences: [String: Int] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT issued_business, sequence FROM ticket
                        WHERE id IN (SELECT MAX(id) FROM ticket GROUP BY issued_business)
                        """)
                {
                    lastSequences[row[0]] = row[1]
                }
                var samples: [String: [Double]] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT business, seconds FROM (
                            SELECT business, closed_at - last_called_at AS seconds, closed_at,
                                   ROW_NUMBER() OVER (PARTITION BY business ORDER BY closed_at DESC) AS recent
                            FROM ticket WHERE status = 'finished' AND last_called_at IS NOT NULL)
                        WHERE recent <= ? ORDER BY closed_at
                        """, arguments: [sampleSize])
                {
                    samples[row[0], default: []].append(row[1])
                }
                var alarms: [String: AlarmLevel] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT business, json_extract(detail, '$.to') FROM event
                        WHERE seq IN (SELECT MAX(seq) FROM event WHERE kind = 'alarm_changed' GROUP BY business)
                        """)
                {
                    if let business: String = row[0], let level = AlarmLevel(rawValue: row[1] ?? "") {
                        alarms[business] = level
                    }
                }
                let maxID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM ticket") ?? 0
                return QueueEngine.Snapshot(
                    serviceDay: day.map(ServiceDay.init), tickets: ticketRows.compactMap(\.ticket), windows: windows,
                    lastSequences: lastSequences, serviceSamples: samples, alarmLevels: alarms, nextTicketID: maxID + 1)
            }
        } catch {
            throw StoreError(.readFailed, "cannot read the queue state", underlying: error)
        }
    }

    /// Logged events after a sequence number, oldest first (for replaying an event stream).
    public func events(after seq: Int64, limit: Int = 1000) throws(StoreError) -> [StoredEvent] {
        do {
            return try writer.read { db in
                try EventRecord.fetchAll(
                    db, sql: "SELECT * FROM event WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit]
                ).compactMap { try $0.storedEvent() }
            }
        } catch {
            throw StoreError(.readFailed, "cannot read events", underlying: error)
        }
    }

    /// The most recent events of some kinds, newest first (e.g. the last calls for a display).
    public func latestEvents(kinds: [QueueEvent.Kind], limit: Int) throws(StoreError) -> [StoredEvent] {
        do {
            return try writer.read { db in
                // Kinds are the enum's fixed raw values, safe as literals.
                let literals = kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                return try EventRecord.fetchAll(
                    db, sql: "SELECT * FROM event WHERE kind IN (\(literals)) ORDER BY seq DESC LIMIT ?", arguments: [limit]
                ).compactMap { try $0.storedEvent() }
            }
        } catch {
            throw StoreError(.readFailed, "cannot read events", underlying: error)
        }
    }

    /// Every ticket issued on a service day, in issue order (for audits and tests).
    public func tickets(on day: ServiceDay) throws(StoreError) -> [Ticket] {
        do {
            return try writer.read { db in
                try TicketRecord.fetchAll(db, sql: "SELECT * FROM ticket WHERE service_day = ? ORDER BY id", arguments: [day.text])
                    .compactMap(\.ticket)
            }
        } catch {
            throw StoreError(.readFailed, "cannot read tickets", underlying: error)
        }
    }
}
