// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CompressNIO
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SyncProtocol

/// Just enough of the central server's push and pull contract, over real HTTP: a per-device ledger that applies
/// each sequence once, answers replays with `duplicate`, a gap with 409, a revoked device with 401; and a
/// catalogue stream in pages of two.
actor Ledger {
    /// One push as the server received it.
    struct Push: Sendable {
        var contentEncoding: String?
        var bodyBytes: Int
        var jsonBytes: Int
        var signatureValid: Bool
        var seqs: [Int64]
        var status: Int
        /// When it arrived.
        var at = ContinuousClock.now
    }

    let deviceID: String
    let publicKey: Curve25519.Signing.PublicKey
    private(set) var lastSeq: Int64 = 0
    /// How many times each sequence was applied (must be one).
    private(set) var applications: [Int64: Int] = [:]
    private(set) var duplicatesAnswered: [Int64] = []
    private(set) var pushes: [Push] = []
    private(set) var pullCursors: [String?] = []
    /// The device's reports on its outbox, each with whether its signature verified.
    private(set) var reports: [(report: DeviceReport, signatureValid: Bool)] = []
    var rejecting: Set<Int64> = []
    var revoked = false
    var failingPushes = 0
    /// When set, failing pushes are answered 429 with this `Retry-After` instead of 503.
    var retryAfterSeconds: Int?
    var catalogue: [MatterEntry] = []
    /// The public keys enrolled with the code `GOOD`, base64.
    private(set) var enrolledKeys: [String] = []
    var resyncCursor: String?

    init(deviceID: String, publicKey: Curve25519.Signing.PublicKey) {
        self.deviceID = deviceID
        self.publicKey = publicKey
    }

    func set(rejecting: Set<Int64> = [], revoked: Bool = false, failingPushes: Int = 0, retryAfterSeconds: Int? = nil) {
        self.rejecting = rejecting
        self.revoked = revoked
        self.failingPushes = failingPushes
        self.retryAfterSeconds = retryAfterSeconds
    }

    func setCatalogue(_ entries: [MatterEntry], resyncCursor: String? = nil) {
        catalogue = entries
        self.resyncCursor = resyncCursor
    }

    /// Forgets everything after `seq`, as a restore from an older backup would.
    func restore(to seq: Int64) {
        lastSeq = seq
        applications = applications.filter { $0.key <= seq }
    }

    func verify(_ request: Request, body: ByteBuffer) -> Bool {
        let headers = request.headers
        guard let device = headers[HTTPField.Name(RequestSignature.deviceHeader)!],
            let time = headers[HTTPField.Name(RequestSignature.timeHeader)!].flatMap({ Int64($0) }),
            let signature = headers[HTTPField.Name(RequestSignature.signatureHeader)!]
        else { return false }
        return device == deviceID
            && RequestSignature.isValid(
                signature: signature, publicKey: publicKey, method: request.method.rawValue,
                pathAndQuery: request.uri.description, time: time, body: Data(body.readableBytesView), device: device,
                now: Date())
    }

    func push(_ request: Request, body: ByteBuffer) throws -> (Int, Data) {
        let signatureValid = verify(request, body: body)
        let encoding = request.headers[.contentEncoding]
        var compressed = body
        let json = encoding == "gzip" ? try compressed.decompress(with: .gzip()) : body
        let batch = try Self.decoder.decode(PushRequest.self, from: Data(json.readableBytesView))
        var record = Push(
            contentEncoding: encoding, bodyBytes: body.readableBytes, jsonBytes: json.readableBytes,
            signatureValid: signatureValid, seqs: batch.operations.map(\.seq), status: 200)
        defer { pushes.append(record) }
        if revoked || !signatureValid {
            record.status = 401
            return (401, Data())
        }
        if failingPushes > 0 {
            failingPushes -= 1
            record.status = retryAfterSeconds == nil ? 503 : 429
            return (record.status, Data())
        }
        if let first = batch.operations.first, first.seq > lastSeq + 1 {
            record.status = 409
            return (409, try Self.encoder.encode(PushGap(expectedSeq: lastSeq + 1)))
        }
        var results: [OperationResult] = []
        for operation in batch.operations {
            if operation.seq <= lastSeq {
                duplicatesAnswered.append(operation.seq)
                results.append(OperationResult(seq: operation.seq, status: .duplicate))
                continue
            }
            lastSeq = operation.seq
            applications[operation.seq, default: 0] += 1
            results.append(
                rejecting.contains(operation.seq)
                    ? OperationResult(seq: operation.seq, status: .rejected, reason: "事项已停办")
                    : OperationResult(seq: operation.seq, status: .applied, caseNumber: "C-\(operation.seq)"))
        }
        return (200, try Self.encoder.encode(PushResponse(ackedThroughSeq: lastSeq, results: results)))
    }

    func pullCatalogue(_ request: Request, cursor: String?) throws -> (Int, Data) {
        guard verify(request, body: ByteBuffer()), !revoked else { return (401, Data()) }
        pullCursors.append(cursor)
        if let cursor, cursor == resyncCursor {
            let page = PullPage<MatterEntry>(changes: [], nextCursor: "", hasMore: false, mustResync: true, ackedThroughSeq: lastSeq)
            return (200, try Self.encoder.encode(page))
        }
        let start = cursor.flatMap { Int($0.dropFirst("at ".count)) } ?? 0
        let end = min(start + 2, catalogue.count)
        let page = PullPage(
            changes: Array(catalogue[start..<end]), nextCursor: "at \(end)", hasMore: end < catalogue.count,
            mustResync: false, ackedThroughSeq: lastSeq)
        return (200, try Self.encoder.encode(page))
    }

    func report(_ request: Request, body: ByteBuffer) throws -> Int {
        reports.append((try Self.decoder.decode(DeviceReport.self, from: Data(body.readableBytesView)), verify(request, body: body)))
        return 204
    }

    func enroll(_ body: ByteBuffer) throws -> (Int, Data) {
        let request = try Self.decoder.decode(EnrollRequest.self, from: Data(body.readableBytesView))
        guard request.code == "GOOD" else { return (403, Data()) }
        enrolledKeys.append(request.publicKey)
        return (200, try Self.encoder.encode(EnrollResponse(deviceID: "dev-\(enrolledKeys.count)", pointID: "p-1", pointName: "测试点")))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// Runs a real HTTP server for a ledger on a free loopback port while `body` runs.
@discardableResult
func withLedgerServer<T: Sendable>(
    _ ledger: Ledger, _ body: @Sendable (_ port: Int) async throws -> T
) async throws -> T {
    let router = Router()
    router.post("/sync/v1/push") { request, _ -> Response in
        let body = try await request.body.collect(upTo: 16 * 1024 * 1024)
        let (status, answer) = try await ledger.push(request, body: body)
        var headers: HTTPFields = [.contentType: "application/json"]
        if status == 429, let seconds = await ledger.retryAfterSeconds { headers[.retryAfter] = "\(seconds)" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }
    router.post("/sync/v1/report") { request, _ -> Response in
        Response(status: .init(code: try await ledger.report(request, body: try await request.body.collect(upTo: 65_536))))
    }
    router.post("/sync/v1/enroll") { request, _ -> Response in
        let (status, answer) = try await ledger.enroll(try await request.body.collect(upTo: 65_536))
        return Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }
    router.get("/sync/v1/pull/{stream}") { request, context -> Response in
        let (status, answer): (Int, Data)
        if context.parameters.get("stream") == PullStream.catalogue.rawValue {
            (status, answer) = try await ledger.pullCatalogue(request, cursor: request.uri.queryParameters.get("cursor"))
        } else {
            let empty = PullPage<CaseStatusChange>(changes: [], nextCursor: "end", hasMore: false, mustResync: false, ackedThroughSeq: 0)
            (status, answer) = (200, try Ledger.encoder.encode(empty))
        }
        return Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }
    let (ports, portSink) = AsyncStream<Int>.makeStream()
    let application = Application(
        router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) },
        logger: Logger(label: "ledger-server", factory: { _ in SwiftLogNoOpLogHandler() }))
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await application.run()
            return nil
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        let result = try await body(port)
        group.cancelAll()
        return result
    }
}
