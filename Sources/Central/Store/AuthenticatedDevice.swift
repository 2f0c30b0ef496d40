// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A device whose request signature was verified: who it is and the one point it files for. Every operation it
/// pushes and every stream it pulls is scoped to that point; the body never names a point.
struct AuthenticatedDevice: Sendable, Hashable {
    /// The device's id.
    let deviceID: String
    /// Its service point.
    let pointID: String
}
