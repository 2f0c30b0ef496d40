// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// `POST /sync/v1/enroll`: a kiosk joins the central server with a one-time code a township technician got
/// for its service point, and its own public key (the private key never leaves the kiosk).
public struct EnrollRequest: Sendable, Hashable, Codable {
    /// The one-time enrolment code.
    public var code: String
    /// The device's Ed25519 public key, raw 32 bytes in base64.
    public var publicKey: String
    /// A label for operators, e.g. the kiosk's host name.
    public var label: String

    /// Creates a request.
    public init(code: String, publicKey: String, label: String) {
        self.code = code
        self.publicKey = publicKey
        self.label = label
    }

    private enum CodingKeys: String, CodingKey {
        case code, publicKey = "public_key", label
    }
}

/// The answer to an enrolment: who the kiosk now is.
public struct EnrollResponse: Sendable, Hashable, Codable {
    /// The device's id, used in every signed request.
    public var deviceID: String
    /// The service point the device files for.
    public var pointID: String
    /// The point's name, for the agent's screen.
    public var pointName: String

    /// Creates an answer.
    public init(deviceID: String, pointID: String, pointName: String) {
        self.deviceID = deviceID
        self.pointID = pointID
        self.pointName = pointName
    }

    private enum CodingKeys: String, CodingKey {
        case deviceID = "device_id", pointID = "point_id", pointName = "point_name"
    }
}
