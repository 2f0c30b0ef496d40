// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Logging
import Reader
import Testing

struct SerialTransportTests {
    /// Reads a card through a real pty: `SerialTransport` on the slave, the emulator on the master.
    static func readOverPseudoTerminal(_ key: String, logger: Logger) async throws -> (EmulatedCard, ReaderSession.Outcome) {
        let card = try #require(try Fixtures.load().card(key))
        let line = try PseudoTerminalReader(emulator: ReaderEmulator(card: card, logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await line.run() }
            defer { group.cancelAll() }
            let transport = try await SerialTransport(path: line.slavePath)
            let session = ReaderSession(transport: transport, logger: logger)
            try await session.checkSAM()
            let outcome = await session.readCard()
            await transport.close()
            await line.close()
            return (card, outcome)
        }
    }

    @Test func readsACardOverARealPseudoTerminal() async throws {
        let (card, outcome) = try await Self.readOverPseudoTerminal("resident", logger: LogStore().logger())
        let reading = try #require(outcome.reading)
        #expect(reading.read.identity.revealedNumber == card.number)
        #expect(reading.read.photo == card.photo)
    }

    /// Hangs the line up while a session waits, and returns the outcome and how long it took.
    static func hangUp(logger: Logger) async throws -> (ReaderSession.Outcome, Duration) {
        let emulator = ReaderEmulator(card: nil, fault: .slowSAM, slowDelay: .seconds(30), logger: logger)
        let line = try PseudoTerminalReader(emulator: emulator)
        let transport = try await SerialTransport(path: line.slavePath)
        let session = ReaderSession(transport: transport, configuration: .init(findTimeout: .seconds(5)), logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { await line.run() }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(200))
                await line.close()
            }
            let outcome = await session.readCard()
            let elapsed = clock.now - start
            group.cancelAll()
            await transport.close()
            return (outcome, elapsed)
        }
    }

    @Test func hungUpLineIsDisconnectedWithinTheTimeout() async throws {
        let (outcome, elapsed) = try await Self.hangUp(logger: LogStore().logger())
        // `.disconnected`, not `.timeout`: the hang-up was noticed, not waited out (the find timeout is 5 s).
        #expect(outcome.error?.code == .disconnected)
        #expect(elapsed < .seconds(60))
    }

    @Test func missingDeviceFailsToOpen() async throws {
        await #expect(throws: ReaderError(.openFailed)) {
            _ = try await SerialTransport(path: "/dev/kioskd-no-such-reader")
        }
    }

    @Test func aFileThatIsNoTerminalFailsToOpen() async throws {
        await #expect(throws: ReaderError(.openFailed)) {
            _ = try await SerialTransport(path: "/dev/null")
        }
    }

    @Test func secondOpenOfTheSameDeviceFails() async throws {
        let line = try PseudoTerminalReader(emulator: ReaderEmulator(logger: LogStore().logger()))
        let first = try await SerialTransport(path: line.slavePath)
        await #expect(throws: ReaderError(.openFailed)) {
            _ = try await SerialTransport(path: line.slavePath)
        }
        await first.close()
        await line.close()
    }
}
