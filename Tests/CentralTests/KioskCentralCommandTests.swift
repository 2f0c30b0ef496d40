// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import KioskTestingTraits
import Testing

/// The built `kiosk-central` binary's operator commands against a private PostgreSQL, and the cluster's own
/// stop-and-restart, which later fault tests rely on.
@Suite(.privatePostgres)
struct KioskCentralCommandTests {
    /// `.build/debug/kiosk-central`, built by `swift build --build-tests`.
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/debug/kiosk-central").standardized

    @Test func operatorCommandsManagePointsCodesCatalogueAndDevices() async throws {
        let cluster = try #require(PrivatePostgresTrait.cluster)
        try await cluster.createDatabase("cli")
        let key = FileManager.default.temporaryDirectory.appendingPathComponent("cli-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: key) }
        let catalogue = FileManager.default.temporaryDirectory.appendingPathComponent(
            "catalogue-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: catalogue) }
        try Data(
            #"[{"code": "M-1", "name": "居民养老保险参保登记", "department": "人社所", "materials": [], "allows_deferral": false, "promised_days": 5}]"#
                .utf8
        ).write(to: catalogue)
        func central(_ arguments: [String]) async throws -> ProcessRunner.Outcome {
            let outcome = try await ProcessRunner.run(
                Self.binary, arguments + ["--database-url", cluster.url(database: "cli"), "--data-key", key])
            #expect(!outcome.errorText.contains("hasn't been called"), "\(arguments): \(outcome.errorText)")
            return outcome
        }
        #expect(try await central(["migrate"]).outputText == "applied 1, 2\n")
        #expect(try await central(["migrate"]).outputText == "schema current (version 2)\n")
        #expect(try await central(["point", "add", "P9", "九号点"]).status == 0)
        let code = try await central(["enroll-code", "P9"]).outputText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(code.count == 14 && code.split(separator: "-").count == 3)
        #expect(try await central(["enroll-code", "NOPE"]).status == 1)
        #expect(
            try await central(["catalogue", "import", catalogue.path]).outputText
                == "1 matters read, 1 new or changed\n")
        #expect(
            try await central(["catalogue", "import", catalogue.path]).outputText
                == "1 matters read, 0 new or changed\n")
        #expect(try await central(["devices"]).outputText.hasPrefix("POINT\tDEVICE\tLABEL\tLAST_SEQ\tLAST_SEEN\tPENDING"))
        #expect(try await central(["revoke", "dev-none"]).status == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let plain = try await ProcessRunner.run(
            Self.binary, ["run", "--host", "0.0.0.0", "--database-url", cluster.url(database: "cli")])
        #expect(plain.status == 64 && plain.errorText.contains("--tls-cert"))
    }

    @Test func migrateSaysAnUnreachableDatabaseIsUnreachableWithinSeconds() async throws {
        // A free loopback port: nothing listens, so every connection is refused.
        let url = "postgres://postgres@127.0.0.1:\(try FreePort.find())/none"
        let outcome = try await ProcessRunner.run(
            Self.binary, ["migrate", "--database-url", url], timeout: .seconds(30))
        #expect(outcome.status == 1)
        #expect(outcome.errorText.contains("database_unavailable: the database is unreachable"), "\(outcome.errorText)")
        #expect(!outcome.errorText.contains("hasn't been called"))
    }

    @Test func clusterSurvivesAnImmediateStopAndRestarts() async throws {
        let cluster = try await PrivatePostgres()
        try await cluster.createDatabase("durable")
        try await cluster.psql(database: "durable", "CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')")
        try await cluster.stop()
        await #expect(throws: KioskTestingError.self) { try await cluster.psql(database: "durable", "SELECT 1") }
        try await cluster.start()
        #expect(try await cluster.psql(database: "durable", "SELECT v FROM t") == "kept\n")
        await cluster.remove()
        #expect(!FileManager.default.fileExists(atPath: cluster.root.path))
    }
}
