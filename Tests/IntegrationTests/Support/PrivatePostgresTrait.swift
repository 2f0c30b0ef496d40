// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import KioskTesting
import Testing

/// One private PostgreSQL cluster for a whole suite (each test makes its own database in it), removed after.
struct PrivatePostgresTrait: SuiteTrait, TestScoping {
    /// The suite's cluster, for the tests under it.
    @TaskLocal static var cluster: PrivatePostgres?

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let cluster = try await PrivatePostgres()
        do {
            try await Self.$cluster.withValue(cluster) { try await function() }
        } catch {
            await cluster.remove()
            throw error
        }
        await cluster.remove()
    }
}

extension Trait where Self == PrivatePostgresTrait {
    /// Runs the suite against a private PostgreSQL cluster.
    static var privatePostgres: Self { PrivatePostgresTrait() }
}
