// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Logging
import Reader
import Testing

struct ReaderServiceTests {
    /// Takes events until one matches, or fails after the deadline.
    static func next(
        _ iterator: inout AsyncStream<ReaderEvent>.Iterator,
        where matches: (ReaderEvent) -> Bool
    ) async -> [ReaderEvent] {
        var seen: [ReaderEvent] = []
        while let event = await iterator.next() {
            seen.append(event)
            if matches(event) { return seen }
        }
        return seen
    }

    static func isRead(_ event: ReaderEvent) -> Bool {
        if case .cardRead = event { return true }
        return false
    }

    static func isRemoved(_ event: ReaderEvent) -> Bool {
        if case .cardRemoved = event { return true }
        return false
    }

    /// A card left on the reader, removed, put back, then another card: the presence scenario.
    static func presenceScenario(logger: Logger) async throws -> [ReaderEvent] {
        let fixture = try Fixtures.load()
        let resident = try #require(fixture.card("resident"))
        let permit = try #require(fixture.card("residence-permit"))
        let emulator = ReaderEmulator(card: resident, logger: logger)
        let (host, device) = try ReaderEmulator.connectedPair()
        let service = ReaderService(
            configuration: .init(
                pollInterval: .milliseconds(20),
                reconnectInterval: .milliseconds(50),
                removalConfirmations: 2,
                session: fastSession
            ),
            logger: logger,
            open: { host }
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask(executorPreference: emulator.executor) { await emulator.serve(device) }
            group.addTask { await service.run() }
            defer { group.cancelAll() }
            var events: [ReaderEvent] = []
            var iterator = service.events.makeAsyncIterator()
            events += await next(&iterator, where: isRead)
            // Left on the reader for many polls: nothing more may be reported.
            try await Task.sleep(for: .milliseconds(300))
            emulator.present(nil)
            events += await next(&iterator, where: isRemoved)
            emulator.present(resident)
            events += await next(&iterator, where: isRead)
            emulator.present(permit)
            events += await next(&iterator, where: isRead)
            return events
        }
    }

    @Test func cardLeftOnTheReaderIsReportedOnceAndAgainAfterRemoval() async throws {
        let events = try await Self.presenceScenario(logger: LogStore().logger())
        let summary = events.map { event -> String in
            switch event {
            case .connected: "connected"
            case .cardRead(let reading): "read \(reading.read.identity.cardType)"
            case .cardRemoved: "removed"
            case .readerError(let error): "error \(error.code)"
            case .disconnected: "disconnected"
            }
        }
        #expect(
            summary == [
                "connected", "read resident", "removed", "read resident", "removed", "read residence_permit",
            ]
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func runEndsOnCancellationAndFinishesTheEvents() async throws {
        let logger = LogStore().logger()
        let emulator = ReaderEmulator(card: nil, logger: logger)
        let (host, device) = try ReaderEmulator.connectedPair()
        let service = ReaderService(
            configuration: .init(pollInterval: .milliseconds(20), session: fastSession),
            logger: logger,
            open: { host }
        )
        var events: [String] = []
        // Cancel once the reader is up; the group (and so the test) ends only if run() honours it.
        await withTaskGroup(of: Void.self) { group in
            group.addTask(executorPreference: emulator.executor) { await emulator.serve(device) }
            group.addTask { await service.run() }
            for await event in service.events {
                events.append(String(describing: event))
                group.cancelAll()
            }
        }
        #expect(events == ["connected(in-process)"])
    }

    @Test(.timeLimit(.minutes(1)))
    func needsTechnicianIsReportedOnce() async throws {
        let logger = LogStore().logger()
        let emulator = ReaderEmulator(card: nil, fault: .selfTestFailure, logger: logger)
        let (host, device) = try ReaderEmulator.connectedPair()
        let service = ReaderService(
            configuration: .init(pollInterval: .milliseconds(10), session: fastSession),
            logger: logger,
            open: { host }
        )
        var codes: [ReaderError.Code] = []
        await withTaskGroup(of: Void.self) { group in
            group.addTask(executorPreference: emulator.executor) { await emulator.serve(device) }
            group.addTask { await service.run() }
            var events = service.events.makeAsyncIterator()
            // Wait for the first report, let the service poll on for a while, then stop it and collect
            // whatever else it reported meanwhile.
            while let event = await events.next() {
                if case .readerError(let error) = event {
                    codes.append(error.code)
                    break
                }
            }
            try? await Task.sleep(for: .milliseconds(300))
            group.cancelAll()
            while let event = await events.next() {
                if case .readerError(let error) = event { codes.append(error.code) }
            }
        }
        #expect(codes == [.needsTechnician])
    }
}

/// A SAM that needs a technician is not hammered with card polls; it is re-checked, and its recovery is seen.
struct ReaderServiceSAMFaultTests {
    @Test(.timeLimit(.minutes(1)))
    func aFaultySAMIsRecheckedInsteadOfPolledAndItsRecoveryIsReported() async throws {
        let logs = LogStore()
        let logger = logs.logger()
        let card = try #require(try Fixtures.load().card("resident"))
        let emulator = ReaderEmulator(card: card, fault: .selfTestFailure, logger: logger)
        let (host, device) = try ReaderEmulator.connectedPair()
        let service = ReaderService(
            configuration: .init(pollInterval: .milliseconds(5), samRecheckInterval: .milliseconds(40), session: fastSession),
            logger: logger,
            open: { host }
        )
        var summary: [String] = []
        var duringFault: [String] = []
        await withTaskGroup(of: Void.self) { group in
            group.addTask(executorPreference: emulator.executor) { await emulator.serve(device) }
            group.addTask { await service.run() }
            var events = service.events.makeAsyncIterator()
            while let event = await events.next() {
                switch event {
                case .connected: summary.append("connected")
                case .readerError(let error):
                    summary.append("error \(error.code)")
                    // Let at least three re-checks happen in the fault before the SAM recovers.
                    let deadline = ContinuousClock.now + .seconds(10)
                    while logs.all.filter({ $0.contains("Emulator answered") && $0.contains("SAM status") }).count < 4,
                        ContinuousClock.now < deadline
                    {
                        try? await Task.sleep(for: .milliseconds(20))
                    }
                    duringFault = logs.all.filter { $0.contains("Emulator answered") }
                    emulator.inject(.none)
                case .cardRead:
                    summary.append("read")
                    group.cancelAll()
                case .cardRemoved, .disconnected: summary.append("other")
                }
                if summary.last == "read" { break }
            }
            group.cancelAll()
        }
        #expect(summary == ["connected", "error needs_technician", "connected", "read"])
        // During the fault only SAM status went to the reader (one per 40 ms), never find card.
        #expect(!duringFault.contains { $0.contains("find card") })
        #expect(duringFault.filter { $0.contains("SAM status") }.count >= 4)
    }
}
