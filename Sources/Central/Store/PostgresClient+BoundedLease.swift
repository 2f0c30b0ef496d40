// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import PostgresNIO
import Synchronization

extension PostgresClient {
    /// Runs `body` on a pooled connection, waiting at most `wait` for one. The pool itself queues a lease while
    /// it cannot connect, until its circuit breaker opens a minute later; here the wait is cut short, so a
    /// database that is down fails requests within `wait` instead of piling them up.
    /// - Parameters:
    ///   - wait: The longest wait for a connection; `body`'s own time is not limited.
    ///   - body: The work on the leased connection.
    /// - Returns: What `body` returns.
    /// - Throws: ``CentralError/Code/databaseUnavailable`` when no connection came within `wait` or the pool
    ///   refused the lease; otherwise what `body` throws.
    func withConnection<Result: Sendable>(
        waitingAtMost wait: Duration, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let leased = LeaseFlag()
        do {
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    try await self.withConnection { connection in
                        leased.set()
                        return try await body(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: wait)
                    guard leased.isSet else {
                        throw CentralError(.databaseUnavailable, "no database connection within \(wait)")
                    }
                    return nil
                }
                defer { group.cancelAll() }
                while let finished = try await group.next() {
                    if let result = finished { return result }
                }
                throw CancellationError()
            }
        } catch let error as CentralError {
            throw error
        } catch {
            guard leased.isSet else {
                throw CentralError(.databaseUnavailable, "the database refused a connection", underlying: error)
            }
            throw error
        }
    }
}

/// Whether a connection was leased, set by the work and read by the timer racing it.
private final class LeaseFlag: Sendable {
    private let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() { value.store(true, ordering: .releasing) }
}
