// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who a kiosk is to the central server: the device id enrolment gave it and the Ed25519 key it generated,
/// kept in one JSON file only its owner may read (mode 0600).
///
/// The file holds `device_id`, `point_id`, `point_name` and `private_key` (the raw 32-byte key in base64). It is
/// a secret: never logged, never copied into the main configuration file.
public struct DeviceIdentity: Sendable {
    /// The device's id, sent in every signed request.
    public let deviceID: String
    /// The service point it files for.
    public let pointID: String
    /// The point's name, for the agent's screen.
    public let pointName: String
    /// The signing key.
    public let privateKey: Curve25519.Signing.PrivateKey

    /// Creates an identity.
    public init(deviceID: String, pointID: String, pointName: String, privateKey: Curve25519.Signing.PrivateKey) {
        self.deviceID = deviceID
        self.pointID = pointID
        self.pointName = pointName
        self.privateKey = privateKey
    }

    private struct File: Codable {
        var deviceID: String
        var pointID: String
        var pointName: String
        var privateKey: String

        enum CodingKeys: String, CodingKey {
            case deviceID = "device_id", pointID = "point_id", pointName = "point_name", privateKey = "private_key"
        }
    }

    /// Reads an identity file.
    /// - Parameter path: The file.
    /// - Returns: The identity.
    /// - Throws: ``SyncClientError`` with ``SyncClientError/Code/identity`` when the file is missing, readable by
    ///   group or others, or malformed.
    public static func load(from path: String) throws(SyncClientError) -> DeviceIdentity {
        var information = stat()
        guard stat(path, &information) == 0 else {
            throw SyncClientError(.identity, "no device identity at \(path); enrol the kiosk first")
        }
        guard information.st_mode & 0o077 == 0 else {
            throw SyncClientError(.identity, "the device identity \(path) is readable by others; it must be mode 0600")
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            guard let raw = Data(base64Encoded: file.privateKey) else {
                throw SyncClientError(.identity, "the device identity \(path) holds no valid key")
            }
            return DeviceIdentity(
                deviceID: file.deviceID, pointID: file.pointID, pointName: file.pointName,
                privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: raw))
        } catch let error as SyncClientError {
            throw error
        } catch {
            throw SyncClientError(.identity, "the device identity \(path) cannot be read", underlying: error)
        }
    }

    /// Writes the identity to a new file, mode 0600 from its creation; an existing file is never replaced.
    /// - Parameter path: The file.
    /// - Throws: ``SyncClientError`` with ``SyncClientError/Code/alreadyEnrolled`` when the file exists, or
    ///   ``SyncClientError/Code/identity`` when it cannot be written.
    public func save(to path: String) throws(SyncClientError) {
        let file = File(
            deviceID: deviceID, pointID: pointID, pointName: pointName,
            privateKey: privateKey.rawRepresentation.base64EncodedString())
        let bytes: Data
        do {
            bytes = try JSONEncoder().encode(file)
        } catch {
            throw SyncClientError(.identity, "the device identity cannot be encoded", underlying: error)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw SyncClientError(.alreadyEnrolled, "a device identity exists at \(path)") }
            throw SyncClientError(.identity, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw SyncClientError(.identity, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
