// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting

/// Runs `kioskd-usb-rig` (built by `swift build`) and returns what it printed.
enum USBReaderRig {
    /// The rig binary beside `kioskd`.
    static var binary: URL { DaemonProcess.binary.deletingLastPathComponent().appendingPathComponent("kioskd-usb-rig") }

    /// `kioskd-usb-rig read …`: one card read over the emulated USB bus, as the JSON line it prints.
    /// - Parameter arguments: The options after `read`.
    /// - Returns: The result and the wall time it took.
    static func read(_ arguments: [String]) async throws -> (result: JSONValue, elapsed: Duration) {
        let started = ContinuousClock.now
        let outcome = try await ProcessRunner.run(binary, ["read"] + arguments, timeout: .seconds(30))
        return (try JSONValue(parsing: outcome.output), ContinuousClock.now - started)
    }
}

/// `kioskd-usb-rig serve`: an emulated USB bus another process (the daemon) can see, driven by commands.
final class USBReaderBus: @unchecked Sendable {
    // @unchecked Sendable: used from one test task at a time; Process and FileHandle are thread-safe here.
    /// The environment a process needs to see the emulated bus: the umockdev preload and testbed.
    let environment: [String: String]
    private let process: Process
    private let input: Pipe
    private let output: FileHandle

    /// Starts the rig with a reader not yet plugged in.
    /// - Parameter arguments: Options after `serve`, e.g. `--scheme split --card resident`.
    init(_ arguments: [String]) throws {
        process = Process()
        process.executableURL = USBReaderRig.binary
        process.arguments = ["serve", "--unplugged"] + arguments
        input = Pipe()
        let pipe = Pipe()
        process.standardInput = input
        process.standardOutput = pipe
        output = pipe.fileHandleForReading
        try process.run()
        let line = try Self.line(from: output)
        guard line.hasPrefix("UMOCKDEV_DIR=") else { throw KioskTestingError(.launchFailed, "rig said \(line)") }
        environment = ["LD_PRELOAD": "libumockdev-preload.so.0", "UMOCKDEV_DIR": String(line.dropFirst(13))]
    }

    /// Sends a command (`plug`, `unplug`, `card KEY`) and waits for the rig's `ok`.
    func send(_ command: String) throws {
        input.fileHandleForWriting.write(Data((command + "\n").utf8))
        let answer = try Self.line(from: output)
        guard answer.hasPrefix("ok") else { throw KioskTestingError(.launchFailed, "rig answered \(answer)") }
    }

    /// Ends the rig (end of input) and waits for it.
    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// One line from the rig (it answers at once; a dead rig gives end of file).
    private static func line(from handle: FileHandle) throws -> String {
        var bytes: [UInt8] = []
        while true {
            let byte = handle.readData(ofLength: 1)
            guard let first = byte.first else { throw KioskTestingError(.launchFailed, "the rig ended") }
            if first == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
    }
}
