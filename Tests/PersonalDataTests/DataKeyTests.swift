// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import PersonalData
import Testing

struct DataKeyTests {
    private let idNumber = "11010519491231002X"

    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-key-\(UUID().uuidString)/kioskd.key").path
    }

    private func mode(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aNewStoreGetsAFreshKeyFileReadableByItsOwnerOnly() throws {
        let path = temporaryPath()
        let (key, created) = try DataKey.openOrCreate(at: path, recordedFingerprint: nil)
        #expect(created)
        #expect(try mode(of: path) == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 32)
        let (again, createdAgain) = try DataKey.openOrCreate(at: path, recordedFingerprint: key.fingerprint)
        #expect(!createdAgain)
        #expect(again.fingerprint == key.fingerprint)
        #expect(key.fingerprint.count == 16)
    }

    @Test func aMissingKeyOverSealedDataIsAnErrorNeverANewKey() throws {
        let path = temporaryPath()
        #expect {
            _ = try DataKey.openOrCreate(at: path, recordedFingerprint: "0123456789abcdef")
        } throws: { error in
            let error = error as? PersonalDataError
            return error?.code == .keyMissing && error!.message.contains(path) && error!.message.contains("0123456789abcdef")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func anotherKeyThanTheStoresIsRefused() throws {
        let path = temporaryPath()
        _ = try DataKey.openOrCreate(at: path, recordedFingerprint: nil)
        #expect {
            _ = try DataKey.openOrCreate(at: path, recordedFingerprint: "ffffffffffffffff")
        } throws: { ($0 as? PersonalDataError)?.code == .keyMismatch }
    }

    @Test func aKeyOthersCanReadOrOfTheWrongSizeIsRefused() throws {
        let path = temporaryPath()
        _ = try DataKey.openOrCreate(at: path, recordedFingerprint: nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect {
            _ = try DataKey.openOrCreate(at: path, recordedFingerprint: nil)
        } throws: { ($0 as? PersonalDataError)?.code == .keyExposed && "\($0)".contains("chmod 600") }
        try Data(count: 16).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect {
            _ = try DataKey.openOrCreate(at: path, recordedFingerprint: nil)
        } throws: { ($0 as? PersonalDataError)?.code == .keyUnreadable }
    }

    @Test func holderKeysAreStablePerKeyAndRevealNothing() throws {
        let (key, _) = try DataKey.openOrCreate(at: temporaryPath(), recordedFingerprint: nil)
        let (other, _) = try DataKey.openOrCreate(at: temporaryPath(), recordedFingerprint: nil)
        let hashed = key.holderKey(idNumber: idNumber)
        #expect(hashed == key.holderKey(idNumber: "110105 19491231002x"))
        #expect(hashed != other.holderKey(idNumber: idNumber))
        #expect(hashed != key.holderKey(idNumber: "110105194912310038"))
        #expect(hashed.hasPrefix("h1:") && hashed.count == 67)
        #expect(!hashed.contains("19491231"))
    }

    @Test func holderKeyAndFingerprintOfAFixedKeyMatchHMACSHA256Computed() throws {
        // Key bytes 00 01 … 1f; the values come from Python's hmac/hashlib (HKDF-SHA256 by RFC 5869, no salt).
        let path = temporaryPath()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try Data((0..<32).map { UInt8($0) }).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let (key, created) = try DataKey.openOrCreate(at: path, recordedFingerprint: "f4facccdf5214a5d")
        #expect(!created)
        #expect(key.fingerprint == "f4facccdf5214a5d")
        #expect(
            key.holderKey(idNumber: idNumber) == "h1:3be7ffb7466be61790e04a3fbc89d82b0b541dd161eeca7f98f63b9b058bea15")
        // Tabs and spaces, ASCII or ideographic, are dropped; a final x is upper-cased.
        #expect(key.holderKey(idNumber: "\t110105 19491231002x") == key.holderKey(idNumber: idNumber))
        #expect(key.holderKey(idNumber: "110105\u{3000}19491231002x") == key.holderKey(idNumber: idNumber))
    }

    @Test func sealedDataOpensOnlyWithTheSameKeyAndContext() throws {
        let (key, _) = try DataKey.openOrCreate(at: temporaryPath(), recordedFingerprint: nil)
        let (other, _) = try DataKey.openOrCreate(at: temporaryPath(), recordedFingerprint: nil)
        let plaintext = Data("张三 \(idNumber)".utf8)
        let sealed = try key.seal(plaintext, context: "case/1/applicant")
        #expect(sealed.range(of: Data(idNumber.utf8)) == nil)
        #expect(try key.open(sealed, context: "case/1/applicant") == plaintext)
        #expect(try key.seal(plaintext, context: "case/1/applicant") != sealed, "nonces must differ")
        #expect(throws: PersonalDataError.self) { try key.open(sealed, context: "case/2/applicant") }
        #expect(throws: PersonalDataError.self) { try other.open(sealed, context: "case/1/applicant") }
        var tampered = sealed
        tampered[tampered.count / 2] ^= 0x01
        #expect(throws: PersonalDataError.self) { try key.open(tampered, context: "case/1/applicant") }
    }
}
