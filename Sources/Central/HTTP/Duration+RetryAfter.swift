// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension Duration {
    /// The duration as a `Retry-After` value: whole seconds, rounded up, at least 1.
    var retryAfterHeader: String {
        let (seconds, attoseconds) = components
        return String(max(1, seconds + (attoseconds > 0 ? 1 : 0)))
    }
}
