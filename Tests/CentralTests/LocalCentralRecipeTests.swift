// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The Makefile's `central-db` and `central-db-stop`, the PostgreSQL cluster of `make run CENTRAL=local`: created
/// once, reused, stopped and started again with its data, on loopback only, and enough for kiosk-central as the
/// role it creates (no superuser).
struct LocalCentralRecipeTests {
    /// The repository, where the Makefile is.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized

    /// Runs `make TARGET` in the repository with the cluster in `directory` on `port`.
    static func make(_ target: String, directory: URL, port: Int) async throws -> ProcessRunner.Outcome {
        try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/make"),
            [
                "-C", repository.path, "--no-print-directory", target, "CENTRAL_DIR=\(directory.path)",
                "CENTRAL_PG_PORT=\(port)",
            ], timeout: .seconds(180))
    }

    @Test func clusterIsCreatedOnceReusedAndKeepsItsDataAcrossAStop() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-central-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try FreePort.find()
        do {
            try await exercise(directory: directory, port: port)
        } catch {
            _ = try? await Self.make("central-db-stop", directory: directory, port: port)
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        _ = try await Self.make("central-db-stop", directory: directory, port: port)
        try? FileManager.default.removeItem(at: directory)
    }

    private func exercise(directory: URL, port: Int) async throws {
        let socketDirectory = directory.appendingPathComponent("postgres").path
        // No PGDATABASE: the README says the database defaults to the role's name.
        let environment = ["PGHOST": socketDirectory, "PGPORT": String(port), "PGUSER": "kiosk-central"]
        let key = directory.appendingPathComponent("data.key").path
        let catalogue = directory.appendingPathComponent("catalogue.json")
        try Data(
            #"[{"code": "M-1", "name": "高龄津贴申领", "department": "区民政局", "materials": [], "allows_deferral": false, "promised_days": 10}]"#
                .utf8
        ).write(to: catalogue)
        func central(_ arguments: [String]) async throws -> ProcessRunner.Outcome {
            try await ProcessRunner.run(
                KioskCentralCommandTests.binary, arguments + ["--data-key", key], environment: environment)
        }

        let created = try await Self.make("central-db", directory: directory, port: port)
        #expect(created.status == 0, "\(created.outputText)\(created.errorText)")
        #expect(created.outputText.contains("creating a PostgreSQL 15 cluster"))
        #expect(created.outputText.contains("created the database kiosk-central"))
        let again = try await Self.make("central-db", directory: directory, port: port)
        #expect(again.status == 0 && again.outputText.contains("already runs"))
        #expect(!again.outputText.contains("creating"))

        #expect(try await central(["migrate"]).outputText.hasPrefix("applied 1"))
        #expect(
            try await central(["catalogue", "import", catalogue.path]).outputText
                == "1 matters read, 1 new or changed\n")
        func psql(_ sql: String) async throws -> ProcessRunner.Outcome {
            try await ProcessRunner.run(
                PrivatePostgres.binaries.appendingPathComponent("psql"), ["-X", "-A", "-t", "-c", sql],
                environment: environment)
        }
        let settings = try await psql(
            "SELECT current_setting('listen_addresses'), rolsuper FROM pg_roles WHERE rolname = current_user")
        #expect(settings.outputText == "127.0.0.1|f\n", "\(settings.errorText)")

        let stopped = try await Self.make("central-db-stop", directory: directory, port: port)
        #expect(stopped.status == 0 && stopped.outputText.contains("stopped"))
        #expect(try await psql("SELECT 1").status != 0)
        let restarted = try await Self.make("central-db", directory: directory, port: port)
        #expect(restarted.status == 0 && restarted.outputText.contains("listens on"))
        #expect(!restarted.outputText.contains("creating") && !restarted.outputText.contains("created"))
        #expect(try await central(["migrate"]).outputText.hasPrefix("schema current"))
        #expect(
            try await central(["catalogue", "import", catalogue.path]).outputText
                == "1 matters read, 0 new or changed\n")
    }

    @Test(.enabled(if: geteuid() == 0, "only root hands the cluster to the postgres user"))
    func aDirectoryThePostgresUserCannotReachIsRefusedWithAClearMessage() async throws {
        let locked = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-locked-\(UUID())")
        try FileManager.default.createDirectory(
            at: locked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: locked) }
        let outcome = try await Self.make(
            "central-db", directory: locked.appendingPathComponent("central"), port: try FreePort.find())
        #expect(outcome.status != 0)
        #expect(outcome.outputText.contains("the postgres user cannot reach"))
    }

    @Test func aSocketPathTooLongForUnixIsRefusedBeforeAnythingIsCreated() async throws {
        let deep = FileManager.default.temporaryDirectory.appendingPathComponent(String(repeating: "d", count: 100))
        let outcome = try await Self.make("central-db", directory: deep, port: try FreePort.find())
        #expect(outcome.status != 0 && outcome.outputText.contains("too long for a unix socket"))
        #expect(!FileManager.default.fileExists(atPath: deep.path))
    }
}
