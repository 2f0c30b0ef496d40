// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import KioskTestingTraits
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One service point's sync end to end, from real parts: a database of its own in the suite's PostgreSQL,
/// `kiosk-central run` as a child process, the ``FaultProxy`` in front of it, and one enrolled kiosk whose
/// `kioskd run` syncs through the proxy. The rig remembers every receipt the kiosk handed out, for the
/// ``SyncChecker``.
///
/// Every file it writes (kiosk database, logs, identity, central log) stays under the test's run directory for
/// the suite-wide personal-data scan.
final class SyncRig {
    /// The service point the kiosk is enrolled at.
    static let point = "P1"

    /// The suite's cluster.
    let cluster: PrivatePostgres
    /// This rig's database in it.
    let database: String
    /// The run directory.
    let directory: TestDirectory
    /// The central server.
    let central: CentralProcess
    /// The proxy between the kiosk and the central server.
    let proxy: FaultProxy
    /// The running kiosk, once ``startKiosk(intervalSeconds:)`` ran.
    private(set) var kiosk: SyncKiosk?
    /// Every receipt the kiosk handed out, in order.
    private(set) var receipts: [SyncKiosk.Receipt] = []
    private var kioskConfig: URL?

    /// The device identity file `kioskd enroll` writes.
    var identity: URL { directory.file("device-identity.json") }
    /// The kiosk's view of the central server: the proxy.
    var serverURL: URL { URL(string: "http://127.0.0.1:\(proxy.port)")! }

    /// Makes the database, prepares it with the operator commands (migrate, the point, the demo catalogue),
    /// starts the central server and the proxy in front of it.
    /// - Parameter name: The run directory's name.
    init(_ name: String) async throws {
        let cluster = try #require(PrivatePostgresTrait.cluster, "the suite needs .privatePostgres")
        let directory = try TestDirectory(name)
        let database = "sync_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try await cluster.createDatabase(database)
        let central = try CentralProcess(
            databaseURL: cluster.url(database: database), dataKey: directory.file("central.key"),
            logFile: directory.file("central.log"))
        try Self.succeeds(await central.command(["migrate"]))
        try Self.succeeds(await central.command(["point", "add", Self.point, "一号服务点"]))
        let catalogue = try await runKioskd(["config", "demo-catalogue"])
        try #require(catalogue.status == 0)
        let catalogueFile = directory.file("demo-catalogue.json")
        try catalogue.output.write(to: catalogueFile, atomically: true, encoding: .utf8)
        try Self.succeeds(await central.command(["catalogue", "import", catalogueFile.path]))
        try await central.start()
        self.cluster = cluster
        self.directory = directory
        self.database = database
        self.central = central
        proxy = try FaultProxy.start(forwardingTo: central.port)
    }

    deinit {
        proxy.stop()
    }

    /// A fresh one-time enrolment code for the point.
    func enrollmentCode() async throws -> String {
        let outcome = try await central.command(["enroll-code", Self.point])
        try Self.succeeds(outcome)
        return outcome.outputText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Seeds the kiosk's store with the demo agent (a first start on the built-in demo hall), enrols it through the
    /// proxy and starts `kioskd run` with the demo hall's configuration plus a `[sync]` table.
    /// - Parameter intervalSeconds: `[sync] interval_seconds`: long for fault scenarios, where only captures and
    ///   backoff start rounds; short where the kiosk must pull without a capture.
    @discardableResult
    func startKiosk(intervalSeconds: Int = 3600) async throws -> SyncKiosk {
        let seeding = try await DaemonProcess(
            database: directory.file("k.sqlite"), logFile: directory.file("kioskd.log"),
            environment: ["CUPS_SERVER": "127.0.0.1:9"])
        #expect(try await seeding.stop(signal: SIGTERM) == 0)
        let enrolled = try await runKioskd([
            "enroll", "--server", serverURL.absoluteString, "--code", try await enrollmentCode(), "--identity",
            identity.path, "--label", "kiosk-\(database)",
        ])
        try #require(enrolled.status == 0, "kioskd enroll: \(enrolled.error)")
        let example = try await runKioskd(["config", "example"])
        let config = directory.file("kioskd.toml")
        let sync = """

            [sync]
            server = "\(serverURL.absoluteString)"
            identity = "\(identity.path)"
            interval_seconds = \(intervalSeconds)
            request_timeout_seconds = 5
            """
        try (example.output + sync).write(to: config, atomically: true, encoding: .utf8)
        kioskConfig = config
        let started = try await SyncKiosk(directory: directory, config: config, server: serverURL, identity: identity)
        kiosk = started
        return started
    }

    /// Ends the kiosk with `signal`: `SIGKILL` is a crash at whatever point it was.
    func stopKiosk(signal: Int32) async throws {
        try await #require(kiosk).daemon.stop(signal: signal)
    }

    /// Starts the kiosk again on the same files (database, key, identity, configuration).
    @discardableResult
    func restartKiosk() async throws -> SyncKiosk {
        let started = try await SyncKiosk(
            directory: directory, config: try #require(kioskConfig), server: serverURL, identity: identity)
        kiosk = started
        return started
    }

    /// Captures `count` cases on the kiosk and remembers their receipts.
    /// - Returns: The new receipts.
    @discardableResult
    func capture(_ count: Int) async throws -> [SyncKiosk.Receipt] {
        let running = try #require(kiosk)
        var captured: [SyncKiosk.Receipt] = []
        for _ in 0..<count { captured.append(try await running.capture()) }
        receipts += captured
        return captured
    }

    /// Sets the proxy's fault and ends its open connections, so the kiosk's next request (its HTTP client keeps
    /// connections alive) meets the fault.
    func setFault(_ fault: FaultProxy.Fault) async throws {
        proxy.setFault(fault)
        try await proxy.endConnections()
    }

    /// How many of these cases the server holds.
    func serverCount(of receipts: [SyncKiosk.Receipt]) async throws -> Int {
        let ids = receipts.map { "'\($0.caseID)'" }.joined(separator: ", ")
        return Int(try await sql("SELECT count(*) FROM cases WHERE case_id IN (\(ids))").first?.first ?? "") ?? -1
    }

    /// Rows of a query on the rig's database, each split into its columns.
    func sql(_ query: String) async throws -> [[String]] {
        let output = try await cluster.psql(database: database, query)
        return output.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Stops the kiosk and the central server (both must exit 0 on SIGTERM) and the proxy.
    func finish() async throws {
        if let kiosk { #expect(try await kiosk.daemon.stop(signal: SIGTERM) == 0, "kioskd did not exit cleanly") }
        try await central.stop(signal: SIGTERM)
        proxy.stop()
    }

    private static func succeeds(_ outcome: ProcessRunner.Outcome) throws {
        try #require(outcome.status == 0, "kiosk-central: \(outcome.errorText)")
    }
}
