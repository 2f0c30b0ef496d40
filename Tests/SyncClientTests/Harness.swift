// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import Logging
import SyncClient
import SyncProtocol

/// A device, its outbox and inbox, and the server-side ledger that knows its key.
struct Harness {
    let identity: DeviceIdentity
    let outbox = MemoryOutbox()
    let inbox = MemoryInbox()
    let ledger: Ledger

    init() {
        let key = Curve25519.Signing.PrivateKey()
        identity = DeviceIdentity(deviceID: "dev-7", pointID: "320102-001", pointName: "测试村便民服务点", privateKey: key)
        ledger = Ledger(deviceID: "dev-7", publicKey: key.publicKey)
    }

    /// A client of `port` with short waits: backoff from 20 ms to 200 ms, the timer at an hour (so only a wake-up
    /// or a backoff starts a round), and catalogue pulls only.
    func client(
        port: Int, logger: Logger = Logger(label: "sync-test", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ adjust: (inout SyncClient.Configuration) -> Void = { _ in }
    ) throws -> SyncClient {
        var configuration = SyncClient.Configuration(server: URL(string: "http://127.0.0.1:\(port)")!)
        configuration.backoff = .init(base: .milliseconds(20), cap: .milliseconds(200))
        configuration.interval = .seconds(3600)
        configuration.requestTimeout = .seconds(5)
        configuration.streams = [.catalogue]
        adjust(&configuration)
        return try SyncClient(
            configuration: configuration, identity: identity, outbox: outbox, inbox: inbox, logger: logger)
    }
}

/// Runs `client` while `body` runs, then cancels it and waits for it to stop.
func whileRunning(_ client: SyncClient, _ body: () async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await client.run() }
        try await body()
        group.cancelAll()
        try await group.waitForAll()
    }
}
