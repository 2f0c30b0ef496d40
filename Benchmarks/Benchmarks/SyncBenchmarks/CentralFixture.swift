// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Central
import Foundation
import Hummingbird
import KioskTesting
import Logging
import PostgresNIO
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A private PostgreSQL cluster and a kiosk-central serving it in this process, on a free loopback port, plus a
/// client of the same database for the baselines. ``stop()`` stops both and removes the cluster's directory.
final class CentralFixture: Sendable {
    /// The database's name in the cluster.
    static let database = "central"

    let cluster: PrivatePostgres
    /// A pool of the same database for baselines and fixtures, apart from the server's own.
    let client: PostgresClient
    let store: CentralStore
    /// `http://127.0.0.1:PORT`.
    let baseURL: String
    private let tasks: Mutex<[Task<Void, Never>]>
    private let keyPath: String

    private init(
        cluster: PrivatePostgres, client: PostgresClient, store: CentralStore, baseURL: String,
        tasks: [Task<Void, Never>], keyPath: String
    ) {
        self.cluster = cluster
        self.client = client
        self.store = store
        self.baseURL = baseURL
        self.tasks = Mutex(tasks)
        self.keyPath = keyPath
    }

    /// Starts a cluster, migrates a database and serves it.
    /// - Parameter admission: The server's push admission.
    static func start(admission: PushAdmission = PushAdmission()) async throws -> CentralFixture {
        let logger = Logger(label: "kiosk-central.bench", factory: { _ in SwiftLogNoOpLogHandler() })
        // The plugin preloads its malloc interposer into this process; PostgreSQL should run as deployed.
        unsetenv("LD_PRELOAD")
        let cluster = try await PrivatePostgres()
        do {
            try await cluster.createDatabase(database)
            let address = try DatabaseAddress(url: cluster.url(database: database))
            // The server's pool, as kiosk-central configures it, and a second one for the baselines.
            let serverClient = PostgresClient(configuration: address.configuration, backgroundLogger: logger)
            let client = PostgresClient(configuration: address.configuration, backgroundLogger: logger)
            var tasks = [Task { await serverClient.run() }, Task { await client.run() }]
            try await Migrator.migrate(serverClient, logger: logger)
            let keyPath = cluster.root.appendingPathComponent("data.key").path
            let store = try await CentralStore.open(client: serverClient, dataKeyPath: keyPath, logger: logger)
            var configuration = CentralServer.Configuration()
            configuration.port = 0
            configuration.pushAdmission = admission
            let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
            let application = try CentralServer.makeApplication(
                store: store, configuration: configuration, logger: logger,
                onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) })
            tasks.append(Task { try? await application.runService() })
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw BenchError("kiosk-central did not listen") }
            return CentralFixture(
                cluster: cluster, client: client, store: store, baseURL: "http://127.0.0.1:\(port)", tasks: tasks,
                keyPath: keyPath)
        } catch {
            await cluster.remove()
            throw error
        }
    }

    /// Runs SQL through the baseline pool, ignoring rows.
    func execute(_ sql: String) async throws {
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: Self.quiet)
    }

    /// Stops the server and the pools, and removes the cluster.
    func stop() async {
        let running = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        // The server first, then the pools it used.
        for task in running.reversed() {
            task.cancel()
            await task.value
        }
        await cluster.remove()
    }

    static let quiet = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// The fixtures one benchmark process started, stopped by the configuration's teardown.
final class RunningFixtures: Sendable {
    private let fixtures = Mutex<[CentralFixture]>([])

    func track(_ fixture: CentralFixture) -> CentralFixture {
        fixtures.withLock { $0.append(fixture) }
        return fixture
    }

    func stopAll() async {
        let all = fixtures.withLock { fixtures in
            defer { fixtures = [] }
            return fixtures
        }
        for fixture in all { await fixture.stop() }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
