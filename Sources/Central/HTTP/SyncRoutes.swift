// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import Hummingbird
import Logging
import NIOCore
import SyncProtocol

/// The sync API: `POST /sync/v1/enroll`, `POST /sync/v1/push`, `GET /sync/v1/pull/{stream}`,
/// `POST /sync/v1/report`.
struct SyncRoutes: Sendable {
    let store: CentralStore
    let pushAdmission: PushAdmission
    let deadline: RequestDeadline

    func register(on router: Router<CentralRequestContext>) {
        let group = router.group("sync/v1")
        group.post("enroll", use: withinDeadline(enroll))
        group.group().add(middleware: PushAdmissionMiddleware(pushAdmission)).post("push", use: withinDeadline(push))
        group.get("pull/{stream}", use: withinDeadline(pull))
        group.post("report", use: withinDeadline(report))
    }

    /// A handler that runs under the request ``deadline``.
    private func withinDeadline(
        _ handler: @escaping @Sendable (Request, CentralRequestContext) async throws -> Response
    ) -> @Sendable (Request, CentralRequestContext) async throws -> Response {
        let deadline = deadline
        return { request, context in try await deadline.run { try await handler(request, context) } }
    }

    /// Enrols a device with a one-time code (unsigned: the device has no id yet).
    private func enroll(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let raw = try await request.body.collect(upTo: context.maxUploadSize)
        let body = try SignedRequest.decoded(raw, encoding: request.headers[.contentEncoding])
        let enrolment = try SyncJSON.decoder().decode(EnrollRequest.self, from: Data(body.readableBytesView))
        let response = try await store.enroll(enrolment)
        context.logger.info(
            "Device enrolled",
            metadata: [LogKey.device.rawValue: "\(response.deviceID)", LogKey.point.rawValue: "\(response.pointID)"])
        return try SyncJSON.response(response, status: .created)
    }

    /// Records a batch: 200 with the results, 409 with the expected sequence.
    private func push(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let signed = try await SignedRequest(request, context: context, store: store, action: "push")
        let batch = try SyncJSON.decoder().decode(PushRequest.self, from: Data(signed.body.readableBytesView))
        guard zip(batch.operations, batch.operations.dropFirst()).allSatisfy({ $0.seq + 1 == $1.seq }),
            batch.operations.first.map({ $0.seq >= 1 }) ?? true
        else { throw SyncAPIError.badRequest("operations 的 seq 必须从 1 起连续递增") }
        let metadata: Logger.Metadata = [
            LogKey.device.rawValue: "\(signed.device.deviceID)", LogKey.point.rawValue: "\(signed.device.pointID)",
            LogKey.operations.rawValue: "\(batch.operations.count)",
            LogKey.firstSeq.rawValue: "\(batch.operations.first?.seq ?? 0)",
        ]
        switch try await store.push(batch, from: signed.device) {
        case .recorded(let response):
            context.logger.info(
                "Push recorded",
                metadata: metadata.merging([LogKey.ackedSeq.rawValue: "\(response.ackedThroughSeq)"]) { $1 })
            return try SyncJSON.response(response)
        case .gap(let gap):
            context.logger.info(
                "Push refused: gap",
                metadata: metadata.merging([LogKey.ackedSeq.rawValue: "\(gap.expectedSeq - 1)"]) { $1 })
            return try SyncJSON.response(GapAnswer(gap), status: .conflict)
        }
    }

    /// Keeps a device's report on its own outbox: 204.
    private func report(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let signed = try await SignedRequest(request, context: context, store: store, action: "report")
        guard let report = try? SyncJSON.decoder().decode(DeviceReport.self, from: Data(signed.body.readableBytesView)),
            report.pendingCount >= 0, report.rejectedCount >= 0, (report.lastError?.count ?? 0) <= 500,
            report.softwareVersion.count <= 64
        else { throw SyncAPIError.badRequest("报告格式无效") }
        try await store.record(report, from: signed.device)
        context.logger.debug(
            "Report recorded",
            metadata: [
                LogKey.device.rawValue: "\(signed.device.deviceID)", LogKey.point.rawValue: "\(signed.device.pointID)",
                LogKey.operations.rawValue: "\(report.pendingCount)",
            ])
        return Response(status: .noContent)
    }

    /// One page of a stream; the catalogue answers 304 to an `If-None-Match` of the same page.
    private func pull(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let signed = try await SignedRequest(request, context: context, store: store, action: "pull")
        guard let name = context.parameters.get("stream"), let stream = PullStream(rawValue: name) else {
            throw SyncAPIError(.notFound, code: "unknown_stream", message: "没有这个数据流（catalogue、bookings、case_status）")
        }
        let query = request.uri.queryParameters
        var cursor: PullCursor?
        if let token = query["cursor"].map(String.init), !token.isEmpty {
            guard let parsed = PullCursor(token: token), parsed.stream == stream else {
                throw SyncAPIError.badRequest("cursor 无效")
            }
            cursor = parsed
        }
        var limit = CentralStore.maximumPageSize
        if let text = query["limit"] {
            guard let value = Int(text), (1...CentralStore.maximumPageSize).contains(value) else {
                throw SyncAPIError.badRequest("limit 须在 1 到 \(CentralStore.maximumPageSize) 之间")
            }
            limit = value
        }
        let body: Data
        switch stream {
        case .catalogue:
            body = try SyncJSON.encoder().encode(
                try await store.pullCatalogue(after: cursor, limit: limit, device: signed.device))
        case .bookings:
            body = try SyncJSON.encoder().encode(
                try await store.pullBookings(after: cursor, limit: limit, device: signed.device))
        case .caseStatus:
            body = try SyncJSON.encoder().encode(
                try await store.pullCaseStatus(after: cursor, limit: limit, device: signed.device))
        }
        context.logger.debug(
            "Pull answered",
            metadata: [
                LogKey.device.rawValue: "\(signed.device.deviceID)", LogKey.point.rawValue: "\(signed.device.pointID)",
                LogKey.stream.rawValue: "\(stream.rawValue)",
            ])
        guard stream == .catalogue else {
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        let tag = "\"" + SHA256.hash(data: body).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        if let match = request.headers[.ifNoneMatch],
            match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag })
        {
            return Response(status: .notModified, headers: [.eTag: tag])
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .eTag: tag],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// The 409 body of a push gap: ``PushGap``'s `expected_seq` with the usual error object beside it.
private struct GapAnswer: Encodable {
    let gap: PushGap
    init(_ gap: PushGap) { self.gap = gap }

    func encode(to encoder: any Encoder) throws {
        try gap.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(
            ["code": "push_gap", "message": "批次不连续：服务器需要从第 \(gap.expectedSeq) 条开始"], forKey: .error)
    }

    private enum Keys: String, CodingKey { case error }
}
