// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Central
import Crypto
import Foundation
import Hummingbird
import KioskTesting
import KioskTestingTraits
import Logging
import NIOCore
import PostgresNIO
import SyncProtocol
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real kiosk-central for one test: a fresh database in the suite's private cluster, migrated, the store
/// opened with a new data key, and the server listening on a free loopback port, its log captured.
struct CentralHarness: Sendable {
    let cluster: PrivatePostgres
    let database: String
    let client: PostgresClient
    let store: CentralStore
    let baseURL: URL
    let log: CapturedLog

    /// Runs `body` against a fresh server with `configuration` (on a free port), then stops it.
    /// - Parameters:
    ///   - cluster: The cluster to use; the suite's private one by default.
    ///   - database: An existing database to use; a new one by default.
    static func with(
        cluster: PrivatePostgres? = nil, database: String? = nil,
        configuration: CentralServer.Configuration = CentralServer.Configuration(),
        _ body: @Sendable (CentralHarness) async throws -> Void
    ) async throws {
        let cluster = try #require(cluster ?? PrivatePostgresTrait.cluster)
        let name = database ?? "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        if database == nil { try await cluster.createDatabase(name) }
        let log = CapturedLog()
        let logger = log.logger(label: "kiosk-central")
        let client = PostgresClient(
            configuration: try DatabaseAddress(url: cluster.url(database: name)).configuration, backgroundLogger: logger
        )
        let keyPath = FileManager.default.temporaryDirectory.appendingPathComponent("central-key-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: keyPath) }
        try await client.whileRunning {
            try await Migrator.migrate(client, logger: logger)
            let store = try await CentralStore.open(client: client, dataKeyPath: keyPath, logger: logger)
            let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
            var configuration = configuration
            configuration.port = 0
            let application = try CentralServer.makeApplication(
                store: store, configuration: configuration, logger: logger,
                onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) })
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await application.runService() }
                defer { group.cancelAll() }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                try await body(
                    CentralHarness(
                        cluster: cluster, database: name, client: client, store: store,
                        baseURL: URL(string: "http://127.0.0.1:\(port)")!, log: log))
            }
        }
    }

    /// Adds a point (if new), makes a code for it and enrols a new kiosk with a fresh key.
    func enrolKiosk(point: String = "320102-001") async throws -> TestKiosk {
        try await store.addPoint(point, name: "测试便民服务站 \(point)")
        let code = try await store.makeEnrollmentCode(for: point, expiresAt: Date().addingTimeInterval(3600))
        let key = Curve25519.Signing.PrivateKey()
        let answer = try await enrol(code: code, key: key)
        #expect(answer.status == 201)
        let response = try JSONDecoder().decode(EnrollResponse.self, from: answer.body)
        return TestKiosk(baseURL: baseURL, key: key, deviceID: response.deviceID, pointID: response.pointID)
    }

    /// `POST /sync/v1/enroll`.
    func enrol(code: String, key: Curve25519.Signing.PrivateKey) async throws -> WireResponse {
        let request = EnrollRequest(
            code: code, publicKey: key.publicKey.rawRepresentation.base64EncodedString(), label: "kiosk-test")
        return try await WireResponse.send(
            "POST", baseURL.appendingPathComponent("sync/v1/enroll"), body: JSONEncoder().encode(request))
    }

    /// Runs one SQL query through psql and returns its output, trimmed.
    func sql(_ text: String) async throws -> String {
        try await cluster.psql(database: database, text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Imports a small catalogue: `M-1` (materials A, B), `M-OLD` retired.
    func importCatalogue() async throws {
        try await store.importCatalogue([
            CatalogueMatter(
                code: "M-1", name: "城乡居民基本养老保险参保登记", department: "人社所",
                materials: [
                    .init(code: "A", name: "居民身份证", deferrable: false), .init(code: "B", name: "户口簿", deferrable: true),
                ],
                allowsDeferral: true, promisedDays: 5),
            CatalogueMatter(
                code: "M-OLD", name: "已停办事项", department: "民政所", materials: [], allowsDeferral: false, promisedDays: 3,
                retired: true),
        ])
    }
}

/// A status, headers and body from the server.
struct WireResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data

    /// The `{"error": {"code"}}` of a refusal.
    var errorCode: String? {
        ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]).flatMap { $0["error"] as? [String: Any] }?[
            "code"]
            as? String
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    static func send(_ method: String, _ url: URL, body: Data?, headers: [String: String] = [:]) async throws
        -> WireResponse
    {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)".lowercased()] = "\(value)" }
        return WireResponse(status: http.statusCode, headers: fields, body: data)
    }
}
