// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation


/// A real `kioskd run` process on a free loopback port, for black-box tests.
///
/// Its standard error goes to a log file the test can read (and scan for personal data).
public final class DaemonProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched from the test's own task; Process itself is thread-safe for
    // terminate/wait, which are the only calls made after launch.
    /// The base URL, e.g. `http://127.0.0.1:41234`.
    public let baseURL: URL
    /// The daemon's log (standard error).
    public let logFile: URL
    private let process: Process

    /// The `kioskd` binary built by `swift build`, found from this source file's location.
    public static var binary: URL { builtExecutable(named: "kioskd") }

    /// An executable product built by `swift build` in this package (`.build/debug`, else `.build/release`),
    /// found from this source file's location.
    /// - Parameter name: The product's name, e.g. `kiosk-central`.
    /// - Returns: Its path (the debug one when neither exists, so the launch error names it).
    public static func builtExecutable(named name: String) -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        for configuration in ["debug", "release"] {
            let candidate = root.appendingPathComponent(".build/\(configuration)/\(name)")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/\(name)")
    }

    /// Starts `kioskd run` and waits until `/healthz` answers.
    /// - Parameters:
    ///   - database: The SQLite file; the data key goes beside it (same name, `.key`).
    ///   - config: A TOML file, or `nil` for the built-in demo hall.
    ///   - logFile: Where standard error goes (appended).
    ///   - port: The port; a free one when `nil`.
    ///   - environment: Extra environment variables (e.g. `NOTIFY_SOCKET`), added to this process's own.
    ///   - arguments: More `kioskd run` options, e.g. `["--sync-server", url]`.
    /// - Throws: when the process exits or does not answer within 20 seconds.
    public init(
        database: URL, config: URL? = nil, logFile: URL, port: Int? = nil, environment: [String: String] = [:],
        arguments extraArguments: [String] = []
    ) async throws {
        let port = try port ?? FreePort.find()
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
        self.logFile = logFile
        if !FileManager.default.fileExists(atPath: logFile.path) {
            _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: logFile)
        try log.seekToEnd()
        process = Process()
        process.executableURL = Self.binary
        let dataKey = database.deletingPathExtension().appendingPathExtension("key")
        var arguments = [
            "run", "--listen", "127.0.0.1:\(port)", "--database", database.path, "--data-key", dataKey.path, "--log-level", "debug",
        ]
        if let config { arguments += ["--config", config.path] }
        arguments += extraArguments
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, extra in extra }
        process.standardError = log
        process.standardOutput = log
        try process.run()
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw KioskTestingError(.launchFailed, "kioskd exited with \(process.terminationStatus) during start")
            }
            if (try? await HTTPClient.get(baseURL.appendingPathComponent("healthz")))?.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw KioskTestingError(.timeout, "kioskd did not answer /healthz within 20 s")
    }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    /// Sends a signal (`SIGKILL`, `SIGTERM`) and waits for the process to end.
    /// - Returns: The exit status (or the signal number for a signal death).
    @discardableResult
    public func stop(signal: Int32, timeout: Duration = .seconds(15)) async throws -> Int32 {
        kill(process.processIdentifier, signal)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                kill(process.processIdentifier, SIGKILL)
                throw KioskTestingError(.timeout, "kioskd did not stop within \(timeout) after signal \(signal)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return process.terminationStatus
    }

    /// Whether the process ended by a signal rather than an exit.
    public var endedBySignal: Bool { process.terminationReason == .uncaughtSignal }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
