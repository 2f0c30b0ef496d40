// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Crypto
public import Foundation
public import Logging
import AsyncHTTPClient
import NIOHTTP1
import SyncProtocol

extension DeviceIdentity {
    /// Enrols the kiosk: generates its Ed25519 key, sends the public half with the one-time code to
    /// `POST /sync/v1/enroll`, and writes the identity file (mode 0600) once the server accepted.
    /// - Parameters:
    ///   - server: The central server's base URL (`https`, or `http` on loopback).
    ///   - code: The one-time enrolment code for the kiosk's service point.
    ///   - label: A label for operators, e.g. the host name.
    ///   - path: Where to write the identity; must not exist.
    ///   - timeout: The request timeout.
    ///   - logger: The logger (the code and key are never logged).
    /// - Returns: The new identity.
    /// - Throws: ``SyncClientError``: ``SyncClientError/Code/alreadyEnrolled`` when `path` exists (checked before
    ///   the code is spent), ``SyncClientError/Code/enrolmentRefused`` for a 4xx, or a transport failure.
    public static func enroll(
        server: URL, code: String, label: String, savingTo path: String, timeout: Duration = .seconds(30),
        logger: Logger
    ) async throws -> DeviceIdentity {
        try SyncTransport.check(server)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SyncClientError(.alreadyEnrolled, "a device identity exists at \(path)")
        }
        let key = Curve25519.Signing.PrivateKey()
        let request = EnrollRequest(code: code, publicKey: key.publicKey.rawRepresentation.base64EncodedString(), label: label)
        let http = SyncTransport.makeHTTPClient(timeout: timeout)
        let answer: SyncTransport.Answer
        do {
            let transport = SyncTransport(http: http, server: server, timeout: timeout)
            answer = try await transport.send(
                .POST, "/sync/v1/enroll", body: try SyncJSON.encoder().encode(request), signedBy: nil)
            try await http.shutdown()
        } catch {
            try? await http.shutdown()
            throw error
        }
        logger.info("enrolment answered", metadata: [LogKey.status.rawValue: "\(answer.status)"])
        switch answer.status {
        case 200, 201:
            guard let response = try? SyncJSON.decoder().decode(EnrollResponse.self, from: answer.body) else {
                throw SyncClientError(.unexpectedAnswer, "enrol: \(answer.status) without a valid answer")
            }
            let identity = DeviceIdentity(
                deviceID: response.deviceID, pointID: response.pointID, pointName: response.pointName, privateKey: key)
            try identity.save(to: path)
            return identity
        case 400...499:
            throw SyncClientError(.enrolmentRefused, "enrol: the server refused the code (\(answer.status))")
        default:
            throw SyncClientError(.serverError, "enrol: server answered \(answer.status)")
        }
    }
}
