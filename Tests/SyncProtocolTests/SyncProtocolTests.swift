// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import SyncProtocol
import Testing

/// The wire format round-trips and names its keys in snake case; signatures hold only for the signed request.
struct SyncProtocolTests {
    static let capture = CaseCapture(
        caseID: "0190f5a2-7c1e-7b3a-9d2e-2f6b5c4d3e21", receiptNumber: "R-K0007-000123", matterCode: "320102-BDC-0001",
        catalogueVersion: 42,
        applicant: .init(
            cardType: "resident", name: "王测试", idNumber: "320102195608151233", maskedName: "王*",
            maskedNumber: "3201**********1233"),
        contactPhone: "13800001111", agentID: "agent-7",
        materials: [
            .init(code: "M1", name: "居民身份证复印件", state: .received),
            .init(code: "M2", name: "户口簿复印件", state: .promised, promisedBy: "2026-12-01"),
        ],
        promisedCompletion: "2026-12-10")

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    @Test func operationsRoundTripWithTheirKindAndSnakeCaseKeys() throws {
        let operations = [
            SyncOperation(seq: 1, createdAt: Date(timeIntervalSince1970: 1_790_000_000), payload: .caseCaptured(Self.capture)),
            SyncOperation(
                seq: 2, createdAt: Date(timeIntervalSince1970: 1_790_000_100),
                payload: .ratingGiven(
                    RatingRecord(
                        serviceDay: "2026-11-24", ticketNumber: "A001", business: "social-security", window: "1", level: 5,
                        reason: nil, ratedAt: Date(timeIntervalSince1970: 1_790_000_050)))),
            SyncOperation(
                seq: 3, createdAt: Date(timeIntervalSince1970: 1_790_000_200),
                payload: .dayStatistics(
                    DayStatistics(
                        serviceDay: "2026-11-24",
                        businesses: [.init(code: "social-security", taken: 10, served: 9, noShows: 1, averageWaitSeconds: 300, averageServiceSeconds: nil)]))),
        ]
        let request = PushRequest(lastAckedSeq: 0, operations: operations)
        let json = try Self.encoder.encode(request)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""kind":"case_captured""#))
        #expect(text.contains(#""last_acked_seq":0"#))
        #expect(text.contains(#""receipt_number":"R-K0007-000123""#))
        #expect(text.contains(#""promised_by":"2026-12-01""#))
        #expect(text.contains(#""no_shows":1"#))
        #expect(try Self.decoder.decode(PushRequest.self, from: json) == request)
    }

    @Test func anUnknownKindIsADecodingError() {
        let json = Data(#"{"seq": 1, "schema_version": 1, "created_at": "2026-11-24T00:00:00Z", "kind": "teleport"}"#.utf8)
        #expect(throws: DecodingError.self) { try Self.decoder.decode(SyncOperation.self, from: json) }
    }

    @Test func aCaseDescribesItselfMaskedOnly() {
        for text in [String(describing: Self.capture), String(describing: Self.capture.applicant), String(reflecting: Self.capture.applicant)] {
            #expect(!text.contains("320102195608151233"))
            #expect(!text.contains("王测试"))
        }
    }

    @Test func aSignatureHoldsForItsRequestOnly() throws {
        let key = Curve25519.Signing.PrivateKey()
        let body = try Self.encoder.encode(PushRequest(lastAckedSeq: 0, operations: []))
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let headers = try RequestSignature.headers(
            signingWith: key, method: "POST", pathAndQuery: "/sync/v1/push", time: 1_790_000_000, body: body, device: "k-1")
        let signature = try #require(headers[RequestSignature.signatureHeader])
        func valid(method: String = "POST", path: String = "/sync/v1/push", time: Int64 = 1_790_000_000, body: Data = body,
                   device: String = "k-1", key: Curve25519.Signing.PublicKey = key.publicKey, now: Date = now) -> Bool {
            RequestSignature.isValid(
                signature: signature, publicKey: key, method: method, pathAndQuery: path, time: time, body: body, device: device,
                now: now)
        }
        #expect(valid())
        #expect(!valid(method: "GET"))
        #expect(!valid(path: "/sync/v1/pull/catalogue"))
        #expect(!valid(body: body + Data([0x20])))
        #expect(!valid(device: "k-2"))
        #expect(!valid(key: Curve25519.Signing.PrivateKey().publicKey))
        #expect(!valid(now: now.addingTimeInterval(301)))
        #expect(valid(now: now.addingTimeInterval(299)))
    }
}
