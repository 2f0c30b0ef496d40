// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Dispatch
import Foundation
import Logging
import Reader
import Synchronization

/// `kioskd emulate`: software stand-ins for devices, for development and `make run` without hardware.
struct EmulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulate",
        abstract: "Emulate a device for development and tests.",
        subcommands: [EmulateReaderCommand.self])
}

/// `kioskd emulate reader`: an ID-card reader speaking the SAM byte protocol on a new pty.
///
/// Prints the pty's path on one line (for scripts), then answers on it until SIGINT or SIGTERM.
/// Exit status: 0 after a signal, 64 for an unknown card or fault, 78 for an unreadable fixture file.
struct EmulateReaderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "Emulate an ID-card reader on a pty and print the pty's path.",
        discussion: """
            Open the printed path as a serial reader (115200 8N1). Cards come from --fixture (JSON: \
            {"cards": [{"key": …, "type": "resident" | "J" | "I" | "Y", …}]}) or, without it, from the \
            built-in made-up cards: resident, residence-permit, foreigner, foreigner-2023. Faults: \
            \(EmulatorFault.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @Option(name: .long, help: ArgumentHelp("The JSON file of cards (default: the built-in cards).", valueName: "file"))
    var fixture: String?

    @Option(name: .long, help: ArgumentHelp("The key of the card on the reader, or 'none'.", valueName: "key"))
    var card: String = "resident"

    @Option(name: .long, help: ArgumentHelp("The fault to inject.", valueName: "fault"))
    var fault: String = EmulatorFault.none.rawValue

    @Option(name: .customLong("slow-delay-ms"), help: "The answer delay of the slow-sam fault, in milliseconds.")
    var slowDelayMilliseconds: Int = 3000

    func run() async throws {
        guard let fault = EmulatorFault(rawValue: fault) else {
            Self.printError("kioskd: unknown fault '\(fault)'")
            throw ExitCode(64)
        }
        let cards: EmulatorFixture
        do {
            cards = try fixture.map { try EmulatorFixture(contentsOf: $0) } ?? .builtIn
        } catch {
            Self.printError("kioskd: \(error)")
            throw ExitCode(78)
        }
        var emulated: EmulatedCard?
        if card != "none" {
            guard let found = cards.card(card) else {
                Self.printError("kioskd: no card '\(card)'; known: \(cards.cards.map(\.key).joined(separator: ", "))")
                throw ExitCode(64)
            }
            emulated = found
        }
        let logger = Logger(label: "kioskd.emulator")
        let emulator = ReaderEmulator(
            card: emulated, fault: fault, slowDelay: .milliseconds(max(0, slowDelayMilliseconds)), logger: logger)
        let line = try PseudoTerminalReader(emulator: emulator)
        // Unbuffered, so a script reading the first line gets it at once.
        FileHandle.standardOutput.write(Data((line.slavePath + "\n").utf8))
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await line.run() }
            await Self.terminationSignal()
            group.cancelAll()
        }
        await line.close()
    }

    /// Returns when SIGINT or SIGTERM arrives.
    private static func terminationSignal() async {
        let signals = [SIGINT, SIGTERM]
        for number in signals { signal(number, SIG_IGN) }
        let sources = signals.map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        let resumed = Mutex(false)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            for source in sources {
                source.setEventHandler {
                    let first = resumed.withLock { done in
                        defer { done = true }
                        return !done
                    }
                    if first {
                        continuation.resume()
                    }
                }
                source.resume()
            }
        }
        for source in sources { source.cancel() }
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
