// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension DataKey {
    /// Opens the key file, or creates it when nothing was ever sealed with a key.
    ///
    /// - A file that exists must be 32 bytes, readable by its owner only, and match `recordedFingerprint`
    ///   when the store has one.
    /// - A missing file is created (32 random bytes, mode 0600, synced to disk) only when the store has
    ///   recorded no fingerprint. Otherwise it is an error: a new key over old data would make that data
    ///   unreadable, so the technician must restore the file instead.
    ///
    /// - Parameters:
    ///   - path: The key file, e.g. `/var/lib/kioskd/kioskd.key`.
    ///   - recordedFingerprint: The fingerprint the store holds, or `nil` for a store that never had a key.
    /// - Returns: The key, and whether it was created now.
    /// - Throws: ``PersonalDataError`` `keyMissing`, `keyUnreadable`, `keyExposed`, `keyMismatch` or
    ///   `keyNotCreated`, each with the path and what to do.
    public static func openOrCreate(at path: String, recordedFingerprint: String?) throws(PersonalDataError) -> (DataKey, created: Bool) {
        if FileManager.default.fileExists(atPath: path) {
            let key = try load(from: path)
            if let recordedFingerprint, recordedFingerprint != key.fingerprint {
                throw PersonalDataError(
                    .keyMismatch,
                    "the data key \(path) (fingerprint \(key.fingerprint)) is not the key the store's data was sealed with "
                        + "(fingerprint \(recordedFingerprint)); put the right key file back")
            }
            return (key, false)
        }
        if let recordedFingerprint {
            throw PersonalDataError(
                .keyMissing,
                "the data key \(path) is missing, but the store holds data sealed with key \(recordedFingerprint); "
                    + "restore the key file from its backup (a new key would make that data unreadable)")
        }
        return (try create(at: path), true)
    }

    /// Reads a key file, refusing one that others can read.
    static func load(from path: String) throws(PersonalDataError) -> DataKey {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw PersonalDataError(.keyUnreadable, "cannot stat the data key \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw PersonalDataError(
                .keyExposed,
                "the data key \(path) can be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); "
                    + "run: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PersonalDataError(.keyUnreadable, "cannot read the data key \(path) (check its owner: the daemon's user)")
        }
        guard data.count == byteCount else {
            throw PersonalDataError(.keyUnreadable, "the data key \(path) has \(data.count) bytes, expected \(byteCount)")
        }
        return DataKey(bytes: data)
    }

    /// Creates a new key file with 32 random bytes, mode 0600, written and synced before it is used.
    static func create(at path: String) throws(PersonalDataError) -> DataKey {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } catch {
            throw PersonalDataError(.keyNotCreated, "cannot create the folder of the data key \(path)", underlying: error)
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw PersonalDataError(.keyNotCreated, "cannot create the data key \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == byteCount, fsync(descriptor) == 0 else {
            unlink(path)
            throw PersonalDataError(.keyNotCreated, "cannot write the data key \(path): \(String(cString: strerror(errno)))")
        }
        let folder = Glibc.open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        return DataKey(bytes: bytes)
    }
}
