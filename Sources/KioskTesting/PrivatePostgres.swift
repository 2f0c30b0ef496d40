// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A private PostgreSQL 15 cluster for tests: its own temporary data directory, a free loopback port, the unix
/// socket in the temporary directory, `fsync` on, trust authentication for the `postgres` role.
///
/// PostgreSQL refuses to run as root: as root, every server command runs as the `postgres` user through
/// `runuser -u postgres --`, and the temporary directory is given to that user. Every command runs through
/// ``ProcessRunner``, so no cooperative thread blocks. ``stop()`` is `pg_ctl stop -m immediate` (a crash, as far
/// as the data is concerned: the next ``start()`` recovers from the WAL), ``remove()`` stops and deletes it all.
public final class PrivatePostgres: Sendable {
    /// The PostgreSQL 15 server binaries (Debian's `postgresql-15`).
    public static let binaries = URL(fileURLWithPath: "/usr/lib/postgresql/15/bin")

    /// The temporary directory: `data/` (the cluster), the unix socket and `server.log`.
    public let root: URL
    /// The TCP port the server listens on, on 127.0.0.1.
    public let port: Int
    /// The superuser role, which needs no password here.
    public let user = "postgres"

    /// The cluster's data directory.
    public var dataDirectory: URL { root.appendingPathComponent("data") }
    /// The directory of the unix socket (`.s.PGSQL.PORT`).
    public var socketDirectory: String { root.path }
    /// The server's log file.
    public var logFile: URL { root.appendingPathComponent("server.log") }

    /// The libpq variables for `psql`, `pg_dump` and the like: the socket directory, the port and the user.
    public var environment: [String: String] {
        ["PGHOST": socketDirectory, "PGPORT": String(port), "PGUSER": user]
    }

    /// A `postgres://` URL to a database over TCP on loopback.
    /// - Parameter database: The database's name.
    /// - Returns: The URL, without password (trust authentication).
    public func url(database: String) -> String { "postgres://\(user)@127.0.0.1:\(port)/\(database)" }

    /// Creates the cluster with `initdb` and starts it.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` with the command's output, or
    ///   ``KioskTestingError/Code/timeout``.
    public init() async throws {
        port = try FreePort.find()
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kioskd-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if Self.isRoot { try Self.giveToPostgresUser(root) }
        try await serverCommand(
            "initdb",
            ["-D", dataDirectory.path, "-U", user, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"])
        guard FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path) else {
            throw KioskTestingError(.launchFailed, "initdb failed: \(commandLog())")
        }
        try await start()
    }

    deinit {
        // A forgotten cluster must not outlive the tests: SIGQUIT is PostgreSQL's immediate shutdown.
        if let pid = postmasterPID() { Glibc.kill(pid, SIGQUIT) }
    }

    /// Starts the server (after ``init()`` or ``stop()``) and waits until it accepts connections.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` with the server log.
    public func start() async throws {
        let options =
            "-p \(port) -k \(socketDirectory) -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200"
        try await serverCommand(
            "pg_ctl", ["start", "-D", dataDirectory.path, "-w", "-t", "60", "-l", logFile.path, "-o", options])
        guard postmasterPID() != nil else {
            throw KioskTestingError(.launchFailed, "PostgreSQL did not start: \(commandLog())\n\(serverLog())")
        }
    }

    /// Stops the server at once, as a crash would (`pg_ctl stop -m immediate`).
    /// - Throws: ``KioskTestingError/Code/launchFailed`` when `pg_ctl` fails.
    public func stop() async throws {
        try await serverCommand("pg_ctl", ["stop", "-D", dataDirectory.path, "-m", "immediate", "-w", "-t", "60"])
        guard postmasterPID() == nil else {
            throw KioskTestingError(.launchFailed, "PostgreSQL did not stop: \(commandLog())")
        }
    }

    /// Stops the server if it runs and deletes the temporary directory.
    public func remove() async {
        if postmasterPID() != nil { try? await stop() }
        try? FileManager.default.removeItem(at: root)
    }

    /// Creates a database.
    /// - Parameter name: Its name (letters, digits and `_`).
    /// - Throws: ``KioskTestingError/Code/launchFailed`` with `psql`'s output.
    public func createDatabase(_ name: String) async throws {
        try await psql(database: "postgres", "CREATE DATABASE \(name)")
    }

    /// Writes a backup of a database (`pg_dump`, custom format) to a file.
    /// - Parameters:
    ///   - database: The database.
    ///   - file: The backup file to write.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` with `pg_dump`'s output.
    public func backUp(database: String, to file: URL) async throws {
        try await run("pg_dump", ["--format=custom", "--file", file.path, database])
    }

    /// Replaces a database by a backup from ``backUp(database:to:)``, as an operator restoring an older backup
    /// would: drops it (forcing its connections out), creates it empty and runs `pg_restore`.
    /// - Parameters:
    ///   - database: The database.
    ///   - file: The backup file.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` with the failing tool's output.
    public func restore(database: String, from file: URL) async throws {
        try await psql(database: "postgres", "DROP DATABASE \(database) WITH (FORCE)")
        try await createDatabase(database)
        try await run("pg_restore", ["--exit-on-error", "--dbname", database, file.path])
    }

    /// Runs SQL with `psql` (stopping at the first error) and returns its unaligned, tuples-only output.
    /// - Parameters:
    ///   - database: The database.
    ///   - sql: One or more statements.
    /// - Returns: The output, e.g. `3` for `SELECT count(*) …`.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` with `psql`'s output.
    @discardableResult
    public func psql(database: String, _ sql: String) async throws -> String {
        try await run("psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql])
    }

    /// Runs one of the cluster's client tools (`psql`, `pg_dump`, `createdb` …) against this server and fails on
    /// a non-zero exit.
    /// - Parameters:
    ///   - tool: The tool's name in ``binaries``.
    ///   - arguments: Its arguments (the connection comes from ``environment``).
    /// - Returns: Its standard output.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` with its standard error.
    @discardableResult
    public func run(_ tool: String, _ arguments: [String]) async throws -> String {
        let outcome = try await ProcessRunner.run(
            Self.binaries.appendingPathComponent(tool), arguments, environment: environment, timeout: .seconds(120))
        guard outcome.status == 0 else {
            throw KioskTestingError(
                .launchFailed, "\(tool) \(arguments) exited \(outcome.status): \(outcome.errorText)")
        }
        return outcome.outputText
    }

    /// The server log, for failure messages.
    public func serverLog() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? "(no server log)"
    }

    /// Every regular file under the data directory, for scans of what reached the disk.
    /// - Returns: The files' paths.
    public func dataFiles() -> [URL] {
        guard
            let walker = FileManager.default.enumerator(
                at: dataDirectory, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return walker.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }

    /// The running postmaster's pid, from the first line of `postmaster.pid`.
    private func postmasterPID() -> pid_t? {
        guard
            let text = try? String(contentsOf: dataDirectory.appendingPathComponent("postmaster.pid"), encoding: .utf8),
            let line = text.split(separator: "\n").first, let pid = pid_t(line), pid > 0, Glibc.kill(pid, 0) == 0
        else { return nil }
        return pid
    }

    private static var isRoot: Bool { geteuid() == 0 }

    /// Runs a server binary, as the `postgres` user when this process is root, with its output appended to
    /// `commands.log`, and waits for it by polling `waitpid` (Foundation's `Process` misses the exit of `runuser`).
    /// Callers check the command's effect, which says more than its status.
    private func serverCommand(_ tool: String, _ arguments: [String]) async throws {
        let program = Self.binaries.appendingPathComponent(tool).path
        let (executable, fullArguments) =
            Self.isRoot ? ("/usr/sbin/runuser", ["-u", "postgres", "--", program] + arguments) : (program, arguments)
        let child = try ChildProcess.spawn(
            executable: executable, arguments: fullArguments,
            environment: ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }, descriptors: [],
            outputPath: root.appendingPathComponent("commands.log").path)
        let deadline = ContinuousClock.now + .seconds(120)
        while !child.reapIfExited() {
            guard ContinuousClock.now < deadline else {
                child.killAndReap()
                throw KioskTestingError(.timeout, "\(tool) did not finish within 120 s")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The output of the server commands, for failure messages.
    private func commandLog() -> String {
        (try? String(contentsOf: root.appendingPathComponent("commands.log"), encoding: .utf8)) ?? ""
    }

    /// Makes the `postgres` user the owner of the temporary directory.
    private static func giveToPostgresUser(_ directory: URL) throws {
        guard let account = getpwnam("postgres") else {
            throw KioskTestingError(.launchFailed, "there is no postgres user (install postgresql-15)")
        }
        guard chown(directory.path, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
            throw KioskTestingError(.launchFailed, "cannot give \(directory.path) to postgres: errno \(errno)")
        }
    }
}
