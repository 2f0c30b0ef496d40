// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Queue
import Store
import Testing

/// Every store test runs against an in-memory queue and an on-disk WAL pool.
struct QueueStoreTests {
    enum Kind: CaseIterable { case memory, disk }

    private static let nine = ISO8601DateFormatter().date(from: "2026-11-23T09:00:00+08:00")!

    private static let configuration = HallConfiguration(
        name: "测试",
        businesses: [Business(code: "social", name: "社保", prefix: "A"), Business(code: "housing", name: "不动产", prefix: "B")],
        windows: [Window(id: "1", name: "1号窗口", businesses: [ServedBusiness(business: "social"), ServedBusiness(business: "housing")])],
        callingPolicy: .strict)

    private func makeStore(_ kind: Kind) throws -> QueueStore {
        switch kind {
        case .memory: return try QueueStore.inMemory()
        case .disk:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-store-\(UUID().uuidString)/q.sqlite").path
            return try QueueStore(path: path)
        }
    }

    @Test(arguments: Kind.allCases)
    func changesRoundTripIntoASnapshotTheEngineResumesFrom(kind: Kind) throws {
        let store = try makeStore(kind)
        var engine = QueueEngine(configuration: Self.configuration, now: Self.nine)
        try store.apply(engine.startDayIfNeeded(now: Self.nine))
        for business in ["social", "social", "housing"] {
            try store.apply(try engine.take(TakeRequest(business: business), now: Self.nine).change)
        }
        try store.apply(try engine.callNext(window: "1", now: Self.nine.addingTimeInterval(60)).change)
        try store.apply(try engine.finish(window: "1", outcome: "done", now: Self.nine.addingTimeInterval(400)).change)
        try store.apply(try engine.rate(window: "1", number: "A001", level: .satisfied, reason: "快", now: Self.nine.addingTimeInterval(410)).change)
        try store.apply(try engine.callNext(window: "1", now: Self.nine.addingTimeInterval(420)).change)

        let snapshot = try store.snapshot()
        #expect(snapshot.tickets == engine.allTickets)
        #expect(snapshot.windows == engine.allWindows)
        #expect(snapshot.nextTicketID == 4)
        #expect(snapshot.serviceSamples["social"] == [340])
        #expect(snapshot.alarmLevels["housing"] == .green)
        var restored = QueueEngine(configuration: Self.configuration, restoring: snapshot, now: Self.nine)
        #expect(restored.ticket(number: "A001")?.rating?.reason == "快")
        #expect(try restored.take(TakeRequest(business: "social"), now: Self.nine).value.number == "A003")
    }

    @Test(arguments: Kind.allCases)
    func eventsAreLoggedInOrderWithIncreasingSequenceNumbers(kind: Kind) throws {
        let store = try makeStore(kind)
        var engine = QueueEngine(configuration: Self.configuration, now: Self.nine)
        let taken = try store.apply(try engine.take(TakeRequest(business: "social"), now: Self.nine).change)
        let called = try store.apply(try engine.callNext(window: "1", now: Self.nine).change)
        #expect(taken.map(\.event.kind) == [.ticketTaken, .alarmChanged])
        #expect(called.first?.event.kind == .ticketCalled)
        let all = try store.events(after: 0)
        #expect(all.map(\.seq) == (taken + called).map(\.seq))
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.seq < $1.seq })
        #expect(try store.events(after: taken.last!.seq).map(\.event.kind) == called.map(\.event.kind))
        #expect(try store.latestEvents(kinds: [.ticketCalled], limit: 5).map(\.event.number) == ["A001"])
    }

    @Test(arguments: Kind.allCases)
    func aNumberIssuedTwiceInADayIsRejectedAndNothingOfThatChangeIsWritten(kind: Kind) throws {
        let store = try makeStore(kind)
        var first = QueueEngine(configuration: Self.configuration, now: Self.nine)
        try store.apply(try first.take(TakeRequest(business: "social"), now: Self.nine).change)
        // A second engine that does not know about A001 tries to issue it again with another id.
        var stale = QueueEngine(configuration: Self.configuration, restoring: .init(nextTicketID: 50), now: Self.nine)
        let duplicate = try stale.take(TakeRequest(business: "social"), now: Self.nine).change
        #expect(throws: StoreError.self) { try store.apply(duplicate) }
        #expect(try store.tickets(on: ServiceDay("2026-11-23")).map(\.id) == [1])
        #expect(try store.events(after: 0).count == 2)
    }

    @Test(arguments: Kind.allCases)
    func holderKeysAreKeptForTheirDayAndErasedWhenTheNextDayStarts(kind: Kind) throws {
        let store = try makeStore(kind)
        var engine = QueueEngine(configuration: Self.configuration, now: Self.nine)
        try store.apply(engine.startDayIfNeeded(now: Self.nine))
        try store.apply(try engine.take(TakeRequest(business: "social", holderKey: "key-a"), now: Self.nine).change)
        #expect(try store.snapshot().tickets.first?.holderKey == "key-a")
        let tomorrow = Self.nine.addingTimeInterval(24 * 3600)
        try store.apply(engine.startDayIfNeeded(now: tomorrow))
        let keys = try store.writer.read { try String?.fetchAll($0, sql: "SELECT holder_key FROM ticket") }
        #expect(keys == [nil])
        #expect(try store.tickets(on: ServiceDay("2026-11-23")).first?.status == .expired)
    }

    @Test func reopeningAFileKeepsEverythingAndMigratesOnce() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-reopen-\(UUID().uuidString).sqlite").path
        do {
            let store = try QueueStore(path: path)
            var engine = QueueEngine(configuration: Self.configuration, now: Self.nine)
            try store.apply(try engine.take(TakeRequest(business: "social"), now: Self.nine).change)
        }
        let reopened = try QueueStore(path: path)
        #expect(try reopened.snapshot().tickets.map(\.number) == ["A001"])
        let journal = try reopened.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        let synchronous = try reopened.writer.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL
    }

    @Test func startUpAndDisplayQueriesUseThePartialIndexes() throws {
        let store = try makeStore(.disk)
        let plan = { (sql: String) in
            try store.writer.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        let open = try plan("SELECT * FROM ticket WHERE service_day = '2026-11-23' OR status IN ('waiting', 'called', 'held', 'skipped')")
        #expect(open.contains("ticket_open") && open.contains("ticket_day_number"), "\(open)")
        let alarms = try plan("SELECT MAX(seq) FROM event WHERE kind = 'alarm_changed' GROUP BY business")
        #expect(alarms.contains("event_alarm"), "\(alarms)")
        let calls = try plan("SELECT * FROM event WHERE kind IN ('ticket_called', 'ticket_recalled') ORDER BY seq DESC LIMIT 10")
        #expect(!calls.contains("TEMP B-TREE"), "the latest calls must come from a backward scan, not a sort: \(calls)")
    }

    @Test func aStoreWrittenByANewerVersionIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-newer-\(UUID().uuidString).sqlite").path
        _ = try QueueStore(path: path)
        let pool = try DatabasePool(path: path)
        try pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try pool.close()
        #expect {
            _ = try QueueStore(path: path)
        } throws: { error in
            (error as? StoreError)?.code == .newerSchema
        }
    }

    @Test func anUnwritableLocationIsAClearError() {
        #expect {
            _ = try QueueStore(path: "/proc/kioskd/q.sqlite")
        } throws: { error in
            (error as? StoreError)?.code == .cannotOpen && "\(error)".contains("/proc/kioskd/q.sqlite")
        }
    }
}
