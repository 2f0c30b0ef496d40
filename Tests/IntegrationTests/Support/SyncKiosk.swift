// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// A real `kioskd run` that syncs, seen through its HTTP API as an agent sees it: capture a case with the
/// emulated card, read the case list and the sync status.
final class SyncKiosk {
    /// What the kiosk handed the applicant: the case it committed and the receipt number printed for it.
    struct Receipt: Sendable, Hashable {
        /// The case's id (a UUID the kiosk made).
        var caseID: String
        /// The receipt number, `R-<device>-<seq>`.
        var receiptNumber: String
    }

    /// The running daemon.
    let daemon: DaemonProcess
    private var token: String?

    /// Starts `kioskd run` with a configuration file, syncing with `server` as the enrolled `identity`.
    /// - Parameters:
    ///   - directory: Where the database, its key, the log and the emulated printer's folder are.
    ///   - config: The TOML file.
    ///   - server: The central server's base URL (the fault proxy's).
    ///   - identity: The device identity file from `kioskd enroll`.
    init(directory: TestDirectory, config: URL, server: URL, identity: URL) async throws {
        daemon = try await DaemonProcess(
            database: directory.file("k.sqlite"), config: config, logFile: directory.file("kioskd.log"),
            environment: ["CUPS_SERVER": "127.0.0.1:9"],
            arguments: ["--sync-server", server.absoluteString, "--device-identity", identity.path])
    }

    private func url(_ path: String) -> URL { daemon.baseURL.appendingPathComponent(path) }

    /// Captures a pension registration for the emulated card's holder, as the demo agent, and returns its receipt.
    /// - Throws: when the capture is not answered 201.
    func capture() async throws -> Receipt {
        let token = try await agentToken()
        let card = try await cardSession()
        let body = """
            {"card": "\(card)", "matter": "DEMO-RSJ-0001", "contact_phone": "13912345678", "materials": [
              {"code": "id-card-copy", "state": "received"},
              {"code": "household-register", "state": "received"},
              {"code": "application-form", "state": "received"}]}
            """
        let answer = try await HTTPClient.post(url("api/v1/cases"), json: body, token: token)
        try #require(answer.status == 201, "capture answered \(answer.status): \(String(decoding: answer.body, as: UTF8.self))")
        return Receipt(
            caseID: try #require(answer.json["case_id"]?.stringValue),
            receiptNumber: try #require(answer.json["receipt_number"]?.stringValue))
    }

    /// `GET /api/v1/sync/status`.
    func syncStatus() async throws -> JSONValue {
        let answer = try await HTTPClient.get(url("api/v1/sync/status"))
        try #require(answer.status == 200)
        return answer.json
    }

    /// The outbox's pending count.
    func pendingCount() async throws -> Int {
        try #require(try await syncStatus()["pending_count"]?.intValue)
    }

    /// Waits until the outbox holds nothing unacknowledged.
    /// - Parameter seconds: The deadline.
    func waitUntilDrained(within seconds: Int = 60) async throws {
        _ = try await eventually("the kiosk's outbox drains", within: seconds) {
            try await pendingCount() == 0 ? true : nil
        }
    }

    /// The agent's case list, by case id.
    func cases() async throws -> [String: JSONValue] {
        let answer = try await HTTPClient.get(url("api/v1/cases"), token: try await agentToken())
        try #require(answer.status == 200)
        var byID: [String: JSONValue] = [:]
        for item in answer.json["cases"]?.arrayValue ?? [] {
            if let id = item["case_id"]?.stringValue { byID[id] = item }
        }
        return byID
    }

    /// Whether `/healthz` answers 200.
    func isHealthy() async throws -> Bool {
        try await HTTPClient.get(url("healthz")).status == 200
    }

    /// The demo agent's session token (logged in once per daemon process).
    private func agentToken() async throws -> String {
        if let token { return token }
        let login = try await HTTPClient.post(url("api/v1/agent/login"), json: #"{"agent": "agent-1", "pin": "246810"}"#)
        try #require(login.status == 200, "the demo agent cannot log in")
        let fresh = try #require(login.json["token"]?.stringValue)
        token = fresh
        return fresh
    }

    /// The card session on the reader; the built-in `resident` test card is put on it when there is none.
    private func cardSession() async throws -> String {
        if let card = try await currentCard() { return card }
        #expect(try await HTTPClient.post(url("api/v1/emulator/card"), json: #"{"card": "resident"}"#).status == 200)
        return try await eventually("the emulated card is read", within: 20) { try await currentCard() }
    }

    private func currentCard() async throws -> String? {
        let answer = try await HTTPClient.get(url("api/v1/card"))
        return answer.status == 200 ? answer.json["card"]?.stringValue : nil
    }
}
