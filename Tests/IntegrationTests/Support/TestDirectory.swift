// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting

/// A fresh temporary directory per test, and the folder where tests leave pictures for people.
struct TestDirectory {
    let url: URL

    /// A new directory under ``runs``, kept after the test so the suite-wide personal-data scan
    /// (`PersonalDataScanTests`) can read every log and database file the scenarios wrote.
    init(_ name: String) throws {
        url = Self.runs.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// `.build/test-output/runs/`: one directory per scenario (`make test` empties it first).
    static var runs: URL { output.appendingPathComponent("runs") }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// A file the test writes for kioskd to read (a captured card stream holds clear test data on purpose);
    /// it lives under `inputs/`, which the personal-data scan skips.
    func input(_ name: String) throws -> URL {
        let inputs = url.appendingPathComponent(Self.inputFolder)
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        return inputs.appendingPathComponent(name)
    }

    /// The folder name of test inputs inside a run directory.
    static let inputFolder = "inputs"

    /// `.build/test-output/` in the repository: screenshots a person can look at after `make test`.
    static var output: URL {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../.build/test-output").standardized
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs `kioskd` with arguments (and standard input) and collects its exit status and output.
func runKioskd(
    _ arguments: [String], binary: URL = DaemonProcess.binary, input: [UInt8] = []
) async throws -> (status: Int32, output: String, error: String) {
    let outcome = try await ProcessRunner.run(binary, arguments, input: Data(input))
    // Kept for the suite-wide personal-data scan: what a technician would see on the terminal.
    let transcript = TestDirectory.runs.appendingPathComponent("command-\(UUID().uuidString).log")
    try? FileManager.default.createDirectory(at: TestDirectory.runs, withIntermediateDirectories: true)
    try? (outcome.output + outcome.error).write(to: transcript)
    return (outcome.status, outcome.outputText, outcome.errorText)
}
