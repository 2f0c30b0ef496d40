// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The real central server, `kiosk-central run`, as a child process on a loopback port over a PostgreSQL
/// database, for tests that kill it and start it again on the same port; and its operator commands.
///
/// Its output goes to a log file the test can read (and scan for personal data). The process runs in a process
/// group of its own, so `SIGKILL` ends it the way a crash would.
public final class CentralProcess: Sendable {
    /// The port it listens on, on 127.0.0.1; the same after a restart.
    public let port: Int
    /// The `postgres://` URL of its database.
    public let databaseURL: String
    /// Its data key file (created on the first command).
    public let dataKey: URL
    /// Where its output goes (appended).
    public let logFile: URL
    private let child = Mutex<ChildProcess?>(nil)

    /// The `kiosk-central` binary built by `swift build`.
    public static var binary: URL { DaemonProcess.builtExecutable(named: "kiosk-central") }

    /// The server's base URL, e.g. `http://127.0.0.1:41234`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Describes a server; nothing runs until ``start()``.
    /// - Parameters:
    ///   - databaseURL: The `postgres://` URL of its database.
    ///   - dataKey: Its data key file.
    ///   - logFile: Where its output goes.
    /// - Throws: ``KioskTestingError`` when no free port is found.
    public init(databaseURL: String, dataKey: URL, logFile: URL) throws {
        port = try FreePort.find()
        self.databaseURL = databaseURL
        self.dataKey = dataKey
        self.logFile = logFile
    }

    deinit {
        child.withLock { $0?.killAndReap() }
    }

    /// Runs an operator command (`migrate`, `point add …`, `enroll-code …`) against the database.
    /// - Parameter arguments: The command and its arguments, without the database options.
    /// - Returns: Its status and output.
    /// - Throws: ``KioskTestingError`` when it cannot start or runs longer than a minute.
    @discardableResult
    public func command(_ arguments: [String]) async throws -> ProcessRunner.Outcome {
        try await ProcessRunner.run(
            Self.binary, arguments + ["--database-url", databaseURL, "--data-key", dataKey.path])
    }

    /// Starts `kiosk-central run` and waits until it answers HTTP (it migrates the database first).
    /// - Throws: ``KioskTestingError/Code/launchFailed`` when it exits, ``KioskTestingError/Code/timeout`` when it
    ///   does not answer within 30 seconds.
    public func start() async throws {
        let arguments = [
            "run", "--port", String(port), "--database-url", databaseURL, "--data-key", dataKey.path,
            "--log-level", "info",
        ]
        let started = try ChildProcess.spawn(
            executable: Self.binary.path, arguments: arguments,
            environment: ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }, descriptors: [],
            outputPath: logFile.path)
        child.withLock { $0 = started }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if started.reapIfExited() {
                child.withLock { $0 = nil }
                throw KioskTestingError(.launchFailed, "kiosk-central exited during start; see \(logFile.path)")
            }
            // Any HTTP answer will do: an unsigned pull is refused with 401 once the routes are up.
            if let answer = try? await HTTPClient.get(baseURL.appendingPathComponent("sync/v1/pull/catalogue")),
                answer.status > 0
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        started.killAndReap()
        child.withLock { $0 = nil }
        throw KioskTestingError(.timeout, "kiosk-central did not answer within 30 s")
    }

    /// Sends a signal (`SIGKILL` for a crash, `SIGTERM` for a stop) and waits until the process is gone.
    /// - Parameter signal: The signal.
    /// - Throws: ``KioskTestingError/Code/timeout`` when it outlives 15 seconds (it is then killed).
    public func stop(signal: Int32) async throws {
        guard let running = child.withLock({ $0 }) else { return }
        Glibc.kill(running.pid, signal)
        let deadline = ContinuousClock.now + .seconds(15)
        while !running.reapIfExited() {
            guard ContinuousClock.now < deadline else {
                running.killAndReap()
                child.withLock { $0 = nil }
                throw KioskTestingError(.timeout, "kiosk-central outlived signal \(signal) by 15 s")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        child.withLock { $0 = nil }
    }
}
