// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Crypto
public import Foundation

/// How a kiosk proves who it is on every sync request: an Ed25519 signature, by the key it generated at
/// enrolment, over the request's method, path with query, time and body digest.
///
/// Why signed requests rather than mutual TLS: government networks put TLS-terminating gateways (and 国密
/// gateways) in front of servers, which end a client certificate's reach at the gateway; a signature
/// travels with the request to the application that authorises it. No CA has to issue and renew
/// certificates for 3,714 village points; a device is revoked by a row on the server, checked on every
/// request. TLS (server-authenticated) still encrypts the channel outside loopback. Replays within the
/// time window are harmless: pushes are idempotent by `(device, seq)` and pulls read only.
///
/// Headers: `Kiosk-Device` (device id), `Kiosk-Time` (Unix seconds), `Kiosk-Signature` (base64 of the
/// signature over ``canonicalText(method:pathAndQuery:time:body:device:)``).
public enum RequestSignature {
    /// The device id header.
    public static let deviceHeader = "Kiosk-Device"
    /// The request time header, Unix seconds.
    public static let timeHeader = "Kiosk-Time"
    /// The signature header.
    public static let signatureHeader = "Kiosk-Signature"
    /// How far a request's time may be from the server's clock.
    public static let allowedSkew: TimeInterval = 300

    /// The text that is signed: version, device, method, path with query, time, and the body's SHA-256, one
    /// per line.
    /// - Parameters:
    ///   - method: `GET`, `POST`.
    ///   - pathAndQuery: e.g. `/sync/v1/pull/catalogue?cursor=abc`.
    ///   - time: Unix seconds.
    ///   - body: The exact bytes sent (after compression, if any).
    ///   - device: The device id.
    /// - Returns: The canonical bytes.
    public static func canonicalText(method: String, pathAndQuery: String, time: Int64, body: some DataProtocol, device: String)
        -> Data
    {
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return Data("kiosk-sig-v1\n\(device)\n\(method.uppercased())\n\(pathAndQuery)\n\(time)\n\(digest)".utf8)
    }

    /// Signs a request.
    /// - Parameters:
    ///   - key: The device's private key.
    ///   - method: The method.
    ///   - pathAndQuery: The path with query.
    ///   - time: Unix seconds now.
    ///   - body: The body bytes.
    ///   - device: The device id.
    /// - Returns: The three headers' values by name.
    /// - Throws: When signing fails (CryptoKit errors).
    public static func headers(
        signingWith key: Curve25519.Signing.PrivateKey, method: String, pathAndQuery: String, time: Int64,
        body: some DataProtocol, device: String
    ) throws -> [String: String] {
        let text = canonicalText(method: method, pathAndQuery: pathAndQuery, time: time, body: body, device: device)
        let signature = try key.signature(for: text)
        return [deviceHeader: device, timeHeader: String(time), signatureHeader: signature.base64EncodedString()]
    }

    /// Whether a request's signature is valid and its time within ``allowedSkew`` of `now`.
    /// - Parameters:
    ///   - signature: The `Kiosk-Signature` value.
    ///   - publicKey: The device's enrolled key.
    ///   - method: The method.
    ///   - pathAndQuery: The path with query.
    ///   - time: The `Kiosk-Time` value.
    ///   - body: The body bytes as received.
    ///   - device: The `Kiosk-Device` value.
    ///   - now: The server's clock.
    /// - Returns: Whether to believe the request comes from the device.
    public static func isValid(
        signature: String, publicKey: Curve25519.Signing.PublicKey, method: String, pathAndQuery: String, time: Int64,
        body: some DataProtocol, device: String, now: Date
    ) -> Bool {
        guard abs(now.timeIntervalSince1970 - TimeInterval(time)) <= allowedSkew,
            let signatureBytes = Data(base64Encoded: signature)
        else { return false }
        let text = canonicalText(method: method, pathAndQuery: pathAndQuery, time: time, body: body, device: device)
        return publicKey.isValidSignature(signatureBytes, for: text)
    }
}
