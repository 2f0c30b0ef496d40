// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import Logging
import SyncClient
import Testing

/// Enrolment writes the device key once, mode 0600, and refuses to overwrite it or to load it when others can read it.
struct DeviceIdentityTests {
    static let logger = Logger(label: "sync-test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("identity-\(UUID().uuidString).json").path
    }

    @Test func enrolmentWritesAPrivateIdentityTheServerKnows() async throws {
        let harness = Harness()
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withLedgerServer(harness.ledger) { port in
            let server = URL(string: "http://127.0.0.1:\(port)")!
            let identity = try await DeviceIdentity.enroll(server: server, code: "GOOD", label: "kiosk-1", savingTo: path, logger: Self.logger)
            #expect(identity.deviceID == "dev-1")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let loaded = try DeviceIdentity.load(from: path)
            #expect(loaded.privateKey.rawRepresentation == identity.privateKey.rawRepresentation)
            #expect(await harness.ledger.enrolledKeys == [identity.privateKey.publicKey.rawRepresentation.base64EncodedString()])
            await #expect(throws: SyncClientError(.alreadyEnrolled, "")) {
                _ = try await DeviceIdentity.enroll(server: server, code: "GOOD", label: "kiosk-1", savingTo: path, logger: Self.logger)
            }
            #expect(await harness.ledger.enrolledKeys.count == 1)
        }
    }

    @Test func aRefusedCodeWritesNothing() async throws {
        let harness = Harness()
        let path = Self.temporaryPath()
        try await withLedgerServer(harness.ledger) { port in
            await #expect(throws: SyncClientError(.enrolmentRefused, "")) {
                _ = try await DeviceIdentity.enroll(
                    server: URL(string: "http://127.0.0.1:\(port)")!, code: "WRONG", label: "kiosk-1", savingTo: path,
                    logger: Self.logger)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func anIdentityOthersCanReadIsRefused() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Harness().identity.save(to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: SyncClientError(.identity, "")) { _ = try DeviceIdentity.load(from: path) }
    }
}
