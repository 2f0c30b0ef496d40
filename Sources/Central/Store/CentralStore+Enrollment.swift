// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import HTTPTypes
import Logging
import PostgresNIO
import SyncProtocol

extension CentralStore {
    /// The characters of an enrolment code: no 0/O, 1/I/L, so a technician can read it aloud.
    private static let codeAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// Makes a one-time enrolment code for a point. Only its SHA-256 is stored.
    /// - Parameters:
    ///   - pointID: The point the enrolled device will file for.
    ///   - expiresAt: When the code stops working (e.g. in 72 hours).
    /// - Returns: The code, as `XXXX-XXXX-XXXX`.
    /// - Throws: ``CentralError/Code/unknownPoint``.
    public func makeEnrollmentCode(for pointID: String, expiresAt: Date) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in Self.codeAlphabet.randomElement(using: &generator)! }
        let code = stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
        try await transaction { connection in
            guard try await pointExists(pointID, connection) else {
                throw CentralError(.unknownPoint, "there is no point \(pointID); add it with kiosk-central point add")
            }
            try await connection.query(
                """
                INSERT INTO enrollment_codes (code_hash, point_id, expires_at)
                VALUES (\(Self.hash(code: code)), \(pointID), \(expiresAt))
                """, logger: logger)
            try await audit(connection, device: nil, point: pointID, action: "enroll_code", outcome: "ok")
        }
        return code
    }

    /// Enrols a device: uses up the code (once, before it expires) and records the device's public key.
    /// - Parameter request: The code, key and label.
    /// - Returns: The device's new id and its point.
    /// - Throws: ``SyncAPIError`` 400 for a bad key or label, 403 `code_unknown`, `code_used` or `code_expired`.
    func enroll(_ request: EnrollRequest) async throws -> EnrollResponse {
        guard let keyBytes = Data(base64Encoded: request.publicKey),
            (try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)) != nil
        else { throw SyncAPIError.badRequest("public_key 不是 Ed25519 公钥（32 字节，base64）") }
        let label = request.label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !label.isEmpty, label.count <= 100 else { throw SyncAPIError.badRequest("label 须为 1–100 个字符") }
        let deviceID = "dev-" + UUID().uuidString.lowercased()
        let codeHash = Self.hash(code: request.code)
        let logger = logger
        let outcome: Result<EnrollResponse, SyncAPIError> = try await transaction { connection in
            guard
                let (pointID, expired, used) = try await connection.query(
                    """
                    SELECT point_id, expires_at <= now(), used_at IS NOT NULL FROM enrollment_codes
                    WHERE code_hash = \(codeHash) FOR UPDATE
                    """, logger: logger
                ).firstRow((String, Bool, Bool).self)
            else {
                try await audit(connection, device: nil, action: "enroll", outcome: "code_unknown")
                return .failure(SyncAPIError(.forbidden, code: "code_unknown", message: "登记码无效"))
            }
            if used || expired {
                let code = used ? "code_used" : "code_expired"
                try await audit(connection, device: nil, point: pointID, action: "enroll", outcome: code)
                return .failure(
                    SyncAPIError(.forbidden, code: code, message: used ? "登记码已使用过，请申请新的登记码" : "登记码已过期，请申请新的登记码"))
            }
            try await connection.query(
                """
                INSERT INTO devices (device_id, point_id, label, public_key) VALUES (\(deviceID), \(pointID), \(label), \(keyBytes))
                """, logger: logger)
            try await connection.query(
                "UPDATE enrollment_codes SET used_at = now(), device_id = \(deviceID) WHERE code_hash = \(codeHash)",
                logger: logger)
            let name =
                try await connection.query("SELECT name FROM points WHERE point_id = \(pointID)", logger: logger)
                .firstValue(String.self) ?? pointID
            try await audit(
                connection, device: AuthenticatedDevice(deviceID: deviceID, pointID: pointID), action: "enroll",
                outcome: "ok")
            return .success(EnrollResponse(deviceID: deviceID, pointID: pointID, pointName: name))
        }
        return try outcome.get()
    }

    /// The enrolled key, point and revocation of a device, for checking a request's signature.
    func deviceCredentials(_ deviceID: String) async throws -> DeviceCredentials? {
        let logger = logger
        return try await withConnection { connection in
            try await connection.query(
                "SELECT public_key, point_id, revoked_at IS NOT NULL FROM devices WHERE device_id = \(deviceID)",
                logger: logger
            ).firstRow((Data, String, Bool).self).map(DeviceCredentials.init)
        }
    }

    /// Records a refused request of a known device (bad signature, skew, revoked) in the audit log.
    func auditRefusal(deviceID: String, pointID: String, action: String, outcome: String) async throws {
        try await transaction { connection in
            try await audit(
                connection, device: AuthenticatedDevice(deviceID: deviceID, pointID: pointID), action: action,
                outcome: outcome)
        }
    }

    func pointExists(_ pointID: String, _ connection: PostgresConnection) async throws -> Bool {
        try await connection.query("SELECT 1 FROM points WHERE point_id = \(pointID)", logger: logger).firstValue(
            Int.self) != nil
    }

    /// The SHA-256 of a code, normalised (upper case, no spaces or dashes), in hex.
    private static func hash(code: String) -> String {
        let normalised = code.uppercased().filter { $0 != "-" && !$0.isWhitespace }
        return SHA256.hash(data: Data(normalised.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

