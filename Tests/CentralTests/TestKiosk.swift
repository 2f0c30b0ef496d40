// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import KioskTesting
import SyncProtocol

/// An enrolled kiosk as the tests drive it: signs pushes and pulls with its key, as SyncClient will.
struct TestKiosk: Sendable {
    let baseURL: URL
    let key: Curve25519.Signing.PrivateKey
    let deviceID: String
    let pointID: String

    /// The GB 11643-1999 standard's own example number: a valid check character, no real person's.
    static let idNumber = "11010519491231002X"

    /// A case of matter `matter` with a fresh id.
    static func capture(
        id: String = UUID().uuidString.lowercased(), matter: String = "M-1", phone: String = "13800138000"
    )
        -> CaseCapture
    {
        CaseCapture(
            caseID: id, receiptNumber: "R-K0007-000123", matterCode: matter, catalogueVersion: 1,
            applicant: .init(
                cardType: "resident", name: "张三", idNumber: idNumber, maskedName: "张*",
                maskedNumber: "1101**********002X"),
            contactPhone: phone, agentID: "agent-7",
            materials: [
                .init(code: "A", name: "居民身份证", state: .received),
                .init(code: "B", name: "户口簿", state: .promised, promisedBy: "2026-12-01"),
            ],
            promisedCompletion: "2026-12-08")
    }

    /// An operation carrying a case.
    static func caseOperation(_ seq: Int64, _ capture: CaseCapture = capture()) -> SyncOperation {
        SyncOperation(seq: seq, createdAt: Date(timeIntervalSince1970: 1_790_000_000), payload: .caseCaptured(capture))
    }

    /// Pushes a batch; `gzip` compresses the body with gzip(1), `clockOffset` moves the signed time.
    func push(
        _ operations: [SyncOperation], lastAcked: Int64 = 0, gzip: Bool = false, clockOffset: TimeInterval = 0,
        tamper: Bool = false
    ) async throws -> WireResponse {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var body = try encoder.encode(PushRequest(lastAckedSeq: lastAcked, operations: operations))
        var headers: [String: String] = ["Content-Type": "application/json"]
        if gzip {
            body = try await ProcessRunner.run(URL(fileURLWithPath: "/bin/gzip"), ["-c"], input: body).output
            headers["Content-Encoding"] = "gzip"
        }
        headers.merge(try signature("POST", "/sync/v1/push", body: body, clockOffset: clockOffset)) { $1 }
        if tamper { body.append(contentsOf: Array(" ".utf8)) }
        return try await WireResponse.send(
            "POST", baseURL.appendingPathComponent("sync/v1/push"), body: body, headers: headers)
    }

    /// Pushes bytes as they are, signed (`Content-Encoding: gzip` when `gzip`).
    func send(rawBody body: Data, gzip: Bool) async throws -> WireResponse {
        var headers = try signature("POST", "/sync/v1/push", body: body, clockOffset: 0)
        if gzip { headers["Content-Encoding"] = "gzip" }
        return try await WireResponse.send(
            "POST", baseURL.appendingPathComponent("sync/v1/push"), body: body, headers: headers)
    }

    /// Sends the device's report on its outbox.
    func report(_ report: DeviceReport) async throws -> WireResponse {
        let body = try SyncJSON.encoder().encode(report)
        let headers = try signature("POST", "/sync/v1/report", body: body, clockOffset: 0)
        return try await WireResponse.send(
            "POST", baseURL.appendingPathComponent("sync/v1/report"), body: body, headers: headers)
    }

    /// Pulls one page of a stream.
    func pull(_ stream: PullStream, cursor: String? = nil, limit: Int? = nil, ifNoneMatch: String? = nil) async throws
        -> WireResponse
    {
        var query: [String] = []
        if let cursor { query.append("cursor=\(cursor)") }
        if let limit { query.append("limit=\(limit)") }
        let pathAndQuery =
            "/sync/v1/pull/\(stream.rawValue)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        var headers = try signature("GET", pathAndQuery, body: Data(), clockOffset: 0)
        if let ifNoneMatch { headers["If-None-Match"] = ifNoneMatch }
        return try await WireResponse.send(
            "GET", URL(string: baseURL.absoluteString + pathAndQuery)!, body: nil, headers: headers)
    }

    /// Decodes a pull page.
    static func page<Change>(_ type: Change.Type, _ response: WireResponse) throws -> PullPage<Change> {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(PullPage<Change>.self, from: response.body)
    }

    /// Decodes a push answer.
    static func results(_ response: WireResponse) throws -> PushResponse {
        try JSONDecoder().decode(PushResponse.self, from: response.body)
    }

    private func signature(_ method: String, _ pathAndQuery: String, body: Data, clockOffset: TimeInterval) throws
        -> [String: String]
    {
        try RequestSignature.headers(
            signingWith: key, method: method, pathAndQuery: pathAndQuery,
            time: Int64(Date().timeIntervalSince1970 + clockOffset), body: body, device: deviceID)
    }
}
