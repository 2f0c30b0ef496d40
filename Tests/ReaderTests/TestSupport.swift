// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Logging
import Reader
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Log lines captured in memory, for asserting what was (not) logged.
final class LogStore: Sendable {
    private let lines = Mutex<[String]>([])

    /// Every captured line: level, message, source and metadata rendered.
    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// A logger at trace level writing into this store.
    func logger(_ label: String = "test") -> Logger {
        Logger(label: label) { _ in InMemoryLogHandler(store: self) }
    }
}

/// A `LogHandler` that renders each record into a ``LogStore``.
struct InMemoryLogHandler: LogHandler {
    let store: LogStore
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        store.append("\(event.level) \(event.message) [\(event.source)] \(rendered)")
    }
}

/// The fixture file next to the tests, and the strings that must never appear in logs.
enum Fixtures {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cards.json").path

    static func load() throws -> EmulatorFixture { try EmulatorFixture(contentsOf: path) }

    static let keys = ["resident", "residence-permit", "foreigner", "foreigner-2023"]

    /// Numbers, names, addresses and birth dates of every fixture card, in clear.
    static func secrets(_ fixture: EmulatorFixture) -> [String] {
        fixture.cards.flatMap { card in
            [card.number, card.name, card.englishName, card.address, card.passNumber, card.birthDate].compactMap { $0 }
        }
    }
}

/// Short timeouts so fault tests finish quickly.
/// Shorter than the real defaults so fault tests end quickly, yet with room for a loaded machine
/// (the whole suite runs in parallel on two cores).
let fastSession = ReaderSession.Configuration(
    findTimeout: .seconds(1),
    selectTimeout: .seconds(1),
    readTimeout: .seconds(2),
    statusTimeout: .seconds(1),
    writeTimeout: .seconds(1),
    maximumAttempts: 2
)

/// Runs a body with a session talking to an emulator over the in-process link.
func withEmulatedReader<T: Sendable>(
    _ emulator: ReaderEmulator,
    configuration: ReaderSession.Configuration = fastSession,
    logger: Logger,
    _ body: @Sendable (ReaderSession) async throws -> T
) async throws -> T {
    let (host, device) = try ReaderEmulator.connectedPair()
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask(executorPreference: emulator.executor) { await emulator.serve(device) }
        defer { group.cancelAll() }
        let session = ReaderSession(transport: host, configuration: configuration, logger: logger)
        let result = try await body(session)
        await host.close()
        return result
    }
}

extension ReaderSession.Outcome {
    var reading: CardReading? {
        if case .card(let reading) = self { return reading }
        return nil
    }

    var error: ReaderError? {
        if case .failed(let error) = self { return error }
        return nil
    }

    var isNoCard: Bool {
        if case .noCard = self { return true }
        return false
    }
}
