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

/// A sync request whose body was read and whose signature was checked against the device's enrolled key.
struct SignedRequest: Sendable {
    /// The signing device and its point.
    let device: AuthenticatedDevice
    /// The body, decompressed when it was sent with `Content-Encoding: gzip`.
    let body: ByteBuffer

    /// Reads the body and checks the `Kiosk-Device`, `Kiosk-Time` and `Kiosk-Signature` headers.
    /// - Parameters:
    ///   - request: The request.
    ///   - context: Its context.
    ///   - store: Where device keys are.
    ///   - action: `push` or `pull`, for the audit row of a refusal.
    ///   - now: The server's clock.
    /// - Throws: ``SyncAPIError`` 401 `unsigned`, `unknown_device`, `device_revoked`, `clock_skew` or
    ///   `bad_signature`; 413 for a body too large; 400/415 for a bad encoding.
    init(
        _ request: Request, context: some RequestContext, store: CentralStore, action: String, now: Date = Date()
    ) async throws {
        let raw = try await request.body.collect(upTo: context.maxUploadSize)
        guard let deviceID = request.headers[Self.field(RequestSignature.deviceHeader)],
            let timeText = request.headers[Self.field(RequestSignature.timeHeader)],
            let signature = request.headers[Self.field(RequestSignature.signatureHeader)]
        else { throw SyncAPIError.unauthorized("unsigned", "请求未签名（缺少 Kiosk-Device、Kiosk-Time 或 Kiosk-Signature）") }
        guard let time = Int64(timeText) else {
            throw SyncAPIError.unauthorized("bad_signature", "Kiosk-Time 不是 Unix 秒数")
        }
        guard let credentials = try await store.deviceCredentials(deviceID),
            let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: credentials.publicKey)
        else { throw SyncAPIError.unauthorized("unknown_device", "没有这台设备，请先登记") }
        let device = AuthenticatedDevice(deviceID: deviceID, pointID: credentials.pointID)
        if credentials.revoked {
            try await store.auditRefusal(
                deviceID: deviceID, pointID: device.pointID, action: action, outcome: "device_revoked")
            throw SyncAPIError.unauthorized("device_revoked", "本设备已被吊销，请联系管理员重新登记")
        }
        let skew = now.timeIntervalSince1970 - TimeInterval(time)
        if abs(skew) > RequestSignature.allowedSkew {
            try await store.auditRefusal(
                deviceID: deviceID, pointID: device.pointID, action: action, outcome: "clock_skew")
            throw SyncAPIError.unauthorized(
                "clock_skew",
                "设备时钟与服务器相差 \(Int(skew.rounded())) 秒，超过 \(Int(RequestSignature.allowedSkew)) 秒；"
                    + "请校准设备时间（服务器时间 \(Int64(now.timeIntervalSince1970))）")
        }
        let valid = RequestSignature.isValid(
            signature: signature, publicKey: publicKey, method: request.method.rawValue,
            pathAndQuery: request.uri.description, time: time, body: Data(raw.readableBytesView), device: deviceID,
            now: now)
        guard valid else {
            try await store.auditRefusal(
                deviceID: deviceID, pointID: device.pointID, action: action, outcome: "bad_signature")
            throw SyncAPIError.unauthorized("bad_signature", "签名无效")
        }
        self.device = device
        self.body = try Self.decoded(raw, encoding: request.headers[.contentEncoding])
    }

    /// The body after its content encoding: identity, or gzip expanded to at most the context's limit.
    static func decoded(_ raw: ByteBuffer, encoding: String?) throws -> ByteBuffer {
        switch encoding?.lowercased() {
        case nil, "identity":
            return raw
        case "gzip":
            var compressed = raw
            let expanded: ByteBuffer
            do {
                expanded = try compressed.decompress(with: .gzip(), maxSize: CentralRequestContext.maximumBodySize)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw SyncAPIError.tooLarge
            } catch {
                throw SyncAPIError.badRequest("gzip 数据损坏")
            }
            // The decompressor fills whole allocated buffers, which may be larger than asked: check the result too.
            guard expanded.readableBytes <= CentralRequestContext.maximumBodySize else { throw SyncAPIError.tooLarge }
            return expanded
        default:
            throw SyncAPIError(.unsupportedMediaType, code: "unsupported_encoding", message: "只接受 gzip 压缩")
        }
    }

    private static func field(_ name: String) -> HTTPField.Name {
        HTTPField.Name(name)!
    }
}
