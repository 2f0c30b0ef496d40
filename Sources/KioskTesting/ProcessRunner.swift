// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Runs a program to completion without blocking Swift's cooperative threads.
///
/// Tests run in parallel on a cooperative pool as wide as the machine has cores (two on CI). A test that
/// waits for a child with `waitUntilExit` or `readDataToEndOfFile` on one of those threads starves every other
/// test's tasks — an emulator that must answer within a timeout among them. Here the blocking waits run on a
/// thread of their own and the caller suspends.
public enum ProcessRunner {
    /// What a finished program left.
    public struct Outcome: Sendable {
        /// The exit status, or the signal number when a signal ended it.
        public let status: Int32
        /// Its standard output.
        public let output: Data
        /// Its standard error.
        public let error: Data

        /// Standard output as UTF-8 text.
        public var outputText: String { String(decoding: output, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        public var errorText: String { String(decoding: error, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments`, feeding `input` to its standard input.
    /// - Parameters:
    ///   - executable: The program.
    ///   - arguments: Its arguments.
    ///   - environment: Variables added to this process's environment.
    ///   - input: Its standard input (empty: end of file at once).
    ///   - timeout: The longest it may run; then it is killed and ``KioskTestingError/Code/timeout`` thrown.
    /// - Returns: Its status and output.
    /// - Throws: ``KioskTestingError`` when it cannot start or runs too long.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], input: Data = Data(),
        timeout: Duration = .seconds(60)
    ) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let (standardInput, standardOutput, standardError) = (Pipe(), Pipe(), Pipe())
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        do {
            try process.run()
        } catch {
            throw KioskTestingError(.launchFailed, "\(executable.path): \(error)")
        }
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: killer)
        let collected = Collected()
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            let readers = DispatchGroup()
            readers.enter()
            Thread {
                collected.output = standardOutput.fileHandleForReading.readDataToEndOfFile()
                readers.leave()
            }.start()
            readers.enter()
            Thread {
                collected.error = standardError.fileHandleForReading.readDataToEndOfFile()
                readers.leave()
            }.start()
            Thread {
                try? standardInput.fileHandleForWriting.write(contentsOf: input)
                try? standardInput.fileHandleForWriting.close()
            }.start()
            readers.notify(queue: .global()) {
                process.waitUntilExit()
                continuation.resume(
                    returning: Outcome(status: process.terminationStatus, output: collected.output, error: collected.error))
            }
        }
        killer.cancel()
        if process.terminationReason == .uncaughtSignal, outcome.status == SIGKILL {
            throw KioskTestingError(.timeout, "\(executable.lastPathComponent) \(arguments) ran longer than \(timeout)")
        }
        return outcome
    }

    /// The two outputs, each written by one reader thread before the group it leaves is notified.
    private final class Collected: @unchecked Sendable {
        var output = Data()
        var error = Data()
    }
}
