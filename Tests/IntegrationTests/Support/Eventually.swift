// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Testing

/// Polls `body` every 200 ms until it returns a value, and fails the test with `description` after `seconds`.
/// - Returns: The first value `body` returned.
func eventually<T>(
    _ description: String, within seconds: Int = 60, _ body: () async throws -> T?
) async throws -> T {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if let value = try await body() { return value }
        try await Task.sleep(for: .milliseconds(200))
    }
    return try #require(try await body(), "not within \(seconds) s: \(description)")
}
