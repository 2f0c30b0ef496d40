// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import AsyncHTTPClient
import Central
import Crypto
import Foundation
import IDCard
import NIOCore
import NIOHTTP1
import PostgresNIO
import SyncClient
import SyncProtocol

/// A kiosk as the server sees it: an enrolled identity that pushes batches built by the sync client's own
/// ``PushBatch`` (gzip) and signs every request with ``RequestSignature``, over an `HTTPClient` shared by all
/// simulated kiosks.
struct SimulatedKiosk: Sendable {
    let identity: DeviceIdentity

    /// What the server answered.
    struct Answer: Sendable {
        let status: Int
        let body: ByteBuffer
    }

    /// Sends one signed request, as the sync client's transport does.
    func send(
        _ method: HTTPMethod, _ pathAndQuery: String, body: Data?, over http: HTTPClient, to baseURL: String
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + pathAndQuery)
        request.method = method
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Content-Encoding", value: "gzip")
        }
        let headers = try RequestSignature.headers(
            signingWith: identity.privateKey, method: method.rawValue, pathAndQuery: pathAndQuery,
            time: Int64(Date().timeIntervalSince1970), body: body ?? Data(), device: identity.deviceID)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await http.execute(request, timeout: .seconds(30))
        return Answer(status: Int(response.status.code), body: try await response.body.collect(upTo: 16 << 20))
    }

    /// Pushes a batch: the status, and the acknowledged sequence of a 200.
    func push(_ batch: PushBatch, over http: HTTPClient, to baseURL: String) async throws -> Answer {
        try await send(.POST, "/sync/v1/push", body: batch.body, over: http, to: baseURL)
    }

    /// Makes `count` kiosks, each at its own point, and enrols them in one statement each for points and devices:
    /// the rows enrolment writes, without 4,000 one-time codes (enrolment is not what is measured).
    static func enrol(_ count: Int, in fixture: CentralFixture) async throws -> [SimulatedKiosk] {
        let kiosks = (0..<count).map { index in
            SimulatedKiosk(
                identity: DeviceIdentity(
                    deviceID: "dev-bench-\(index)", pointID: String(format: "999900-%04d", index),
                    pointName: "基准测试便民服务站 \(index)", privateKey: Curve25519.Signing.PrivateKey()))
        }
        let points = kiosks.map(\.identity.pointID)
        let names = kiosks.map(\.identity.pointName)
        let devices = kiosks.map(\.identity.deviceID)
        let keys = kiosks.map { $0.identity.privateKey.publicKey.rawRepresentation.map { String(format: "%02x", $0) }.joined() }
        try await fixture.client.query(
            "INSERT INTO points (point_id, name) SELECT * FROM unnest(\(points)::text[], \(names)::text[])",
            logger: CentralFixture.quiet)
        try await fixture.client.query(
            """
            INSERT INTO devices (device_id, point_id, label, public_key)
            SELECT d, p, 'bench', decode(k, 'hex') FROM unnest(\(devices)::text[], \(points)::text[], \(keys)::text[]) AS t(d, p, k)
            """, logger: CentralFixture.quiet)
        return kiosks
    }

    /// An `HTTPClient` for many simulated kiosks: one keep-alive connection each, no redirects, HTTP/1.1.
    static func makeHTTPClient(connections: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10)))
        configuration.httpVersion = .http1Only
        configuration.connectionPool = .init(
            idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }
}

/// Cases as a kiosk captures them: the fields `CaseStore.capture` puts in an operation, an applicant with a
/// synthetic ID number (region 9999, which no real person has, with a valid check character), a checklist with a
/// deferred material.
enum BenchCases {
    /// The matter every case files under; ``catalogue`` holds it.
    static let matterCode = "M-PENSION"

    /// A small catalogue to import before pushing.
    static let catalogue = [
        CatalogueMatter(
            code: matterCode, name: "城乡居民基本养老保险参保登记", department: "人社所",
            materials: [
                .init(code: "ID", name: "居民身份证", deferrable: false),
                .init(code: "HUKOU", name: "户口簿", deferrable: true),
                .init(code: "PHOTO", name: "近期免冠照片", deferrable: true),
            ],
            allowsDeferral: true, promisedDays: 5),
        CatalogueMatter(
            code: "M-MEDICAL", name: "城乡居民医疗保险参保登记", department: "医保站",
            materials: [.init(code: "ID", name: "居民身份证", deferrable: false)], allowsDeferral: false, promisedDays: 3),
    ]

    /// The `index`-th synthetic ID number: `9999` + `00` + a birth day + a sequence + the check character.
    static func idNumber(_ index: Int) -> String {
        let day = 1 + index % 28
        let first17 = String(format: "999900%04d%02d%02d%03d", 1950 + index % 50, 1 + index % 12, day, index % 1000)
        return first17 + String(IDNumber.checkCharacter(forFirst17: Array(first17.utf8)) ?? "0")
    }

    /// Operations `from`…`from + count - 1` of a kiosk, each a captured case.
    static func operations(for kiosk: DeviceIdentity, from first: Int64, count: Int) -> [SyncOperation] {
        (0..<Int64(count)).map { offset in
            let seq = first + offset
            let number = idNumber(Int(seq) * 7919 + (kiosk.deviceID.hashValue & 0xFFFF))
            let capture = CaseCapture(
                caseID: UUID().uuidString.lowercased(), receiptNumber: "R-\(kiosk.deviceID)-" + String(format: "%06lld", seq),
                matterCode: matterCode, catalogueVersion: 1,
                applicant: .init(
                    cardType: "resident", name: "测试申请人", idNumber: number, maskedName: "测*",
                    maskedNumber: String(number.prefix(4)) + "**********" + String(number.suffix(4))),
                contactPhone: "13800138000", agentID: "agent-\(seq % 5)",
                materials: [
                    .init(code: "ID", name: "居民身份证", state: .received),
                    .init(code: "HUKOU", name: "户口簿", state: .received),
                    .init(code: "PHOTO", name: "近期免冠照片", state: .promised, promisedBy: "2026-12-01"),
                ],
                promisedCompletion: "2026-12-08")
            return SyncOperation(
                seq: seq, createdAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(seq)),
                payload: .caseCaptured(capture))
        }
    }
}
