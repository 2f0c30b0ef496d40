// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A device's enrolled key, point and revocation, as read to check a request's signature.
struct DeviceCredentials: Sendable {
    /// The Ed25519 public key, 32 bytes.
    let publicKey: Data
    /// The device's service point.
    let pointID: String
    /// Whether the device was revoked.
    let revoked: Bool
}
