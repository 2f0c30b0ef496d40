// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Crypto
public import Foundation

/// The kiosk's secret for personal data: it seals stored identities (AES-GCM) and turns ID numbers
/// into keyed hashes, so a ticket can be bound to a person without keeping the number.
///
/// The key lives in its own file (32 random bytes, mode 0600), never in the configuration and never in
/// a log. Two sub-keys are derived from it with HKDF-SHA256, one per purpose, so a hash never helps to
/// open a sealed box or the reverse. ``fingerprint`` names the key without revealing it; the store
/// records it, so a lost or swapped key file is noticed before any data is touched.
public struct DataKey: Sendable {
    private let sealingKey: SymmetricKey
    private let hashingKey: SymmetricKey
    /// A short public name of the key (16 hex digits), safe to log and to store beside the data.
    public let fingerprint: String

    /// The length of a key file.
    public static let byteCount = 32

    init(bytes: some ContiguousBytes) {
        let master = SymmetricKey(data: bytes)
        sealingKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: master, info: Data("kioskd personal-data sealing v1".utf8), outputByteCount: 32)
        hashingKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: master, info: Data("kioskd holder hashing v1".utf8), outputByteCount: 32)
        let tag = HMAC<SHA256>.authenticationCode(for: Data("kioskd data-key fingerprint".utf8), using: master)
        fingerprint = Self.hex(Data(tag).prefix(8))
    }

    /// A keyed hash of an ID number (HMAC-SHA256 with the hashing sub-key), as `h1:` and 64 hex digits.
    /// The same number always gives the same value on this kiosk, and nothing without the key.
    /// The number is normalised first (spaces dropped, a final `x` upper-cased).
    public func holderKey(idNumber: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Self.normalised(idNumber), using: hashingKey)
        return "h1:" + Self.hex(Data(code))
    }

    /// An ID number's UTF-8 without whitespace, upper-cased: byte by byte when it is ASCII (every valid number
    /// is), by Unicode rules otherwise.
    private static func normalised(_ idNumber: String) -> Data {
        guard idNumber.utf8.allSatisfy({ $0 < 0x80 }) else {
            return Data(idNumber.filter { !$0.isWhitespace }.uppercased().utf8)
        }
        let whitespace: Set<UInt8> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20]
        return Data(
            idNumber.utf8.filter { !whitespace.contains($0) }.map {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 0x20 : $0
            })
    }

    /// Bytes as lower-case hex digits, by table: `String(format:)` takes microseconds a byte on Linux, and the
    /// central server hashes an ID number for every case it files.
    private static func hex(_ bytes: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Seals personal data for storage (AES-256-GCM, random nonce).
    /// - Parameters:
    ///   - plaintext: The data, e.g. an encoded identity.
    ///   - context: What the data is and where it belongs (e.g. `case/42/applicant`); authenticated, not
    ///     encrypted, so a sealed box copied to another row does not open there.
    /// - Returns: nonce, ciphertext and tag in one blob.
    public func seal(_ plaintext: Data, context: String) throws(PersonalDataError) -> Data {
        do {
            let box = try AES.GCM.seal(plaintext, using: sealingKey, authenticating: Data(context.utf8))
            guard let combined = box.combined else { throw PersonalDataError(.sealingFailed, "no combined representation") }
            return combined
        } catch let error as PersonalDataError {
            throw error
        } catch {
            throw PersonalDataError(.sealingFailed, "AES-GCM sealing failed", underlying: error)
        }
    }

    /// Opens what ``seal(_:context:)`` sealed with the same key and context.
    /// - Throws: ``PersonalDataError`` `cannotOpen` for another key, another context, or altered bytes.
    public func open(_ sealed: Data, context: String) throws(PersonalDataError) -> Data {
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: sealingKey, authenticating: Data(context.utf8))
        } catch {
            throw PersonalDataError(.cannotOpen, "sealed data does not open with this key and context", underlying: error)
        }
    }
}
