// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import KioskTesting
public import Testing

/// One private PostgreSQL cluster for a whole suite (each test makes its own database in it), removed after.
public struct PrivatePostgresTrait: SuiteTrait, TestScoping {
    /// Creates the trait; ``Trait/privatePostgres`` reads better.
    public init() {}

    /// The suite's cluster, for the tests under it.
    @TaskLocal public static var cluster: PrivatePostgres?

    /// Once for the suite, not per test.
    public var isRecursive: Bool { false }

    /// Starts the cluster, runs the suite with it, removes it.
    public func provideScope(
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
    public static var privatePostgres: Self { PrivatePostgresTrait() }
}
