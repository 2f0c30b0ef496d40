// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import PostgresNIO

extension PostgresClient {
    /// Runs the client's pool in a child task while `body` runs, starting `body` only once that task has entered
    /// `run()` (leasing earlier logs PostgresNIO's "run() hasn't been called yet" warning), and stops the pool
    /// after `body` returns or throws.
    /// - Parameter body: The work with the running client.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func whileRunning<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                signal.finish()
                await self.run()
            }
            defer { group.cancelAll() }
            for await _ in started {}
            return try await body()
        }
    }
}
