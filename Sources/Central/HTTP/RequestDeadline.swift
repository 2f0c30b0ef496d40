// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The longest a sync request may be handled: past it the handler is cancelled and the request answered 503
/// `database_unavailable`, so requests waiting on a database that hangs do not pile up. Cancellation reaches a
/// request waiting for a pooled connection at once; a statement already sent ends when its connection does.
struct RequestDeadline: Sendable {
    /// The limit.
    let limit: Duration

    /// Runs `handler` within the limit.
    /// - Parameter handler: The request's handling.
    /// - Returns: Its response.
    /// - Throws: What `handler` throws, or ``CentralError/Code/databaseUnavailable`` when the limit passed.
    func run<Response: Sendable>(_ handler: @escaping @Sendable () async throws -> Response) async throws -> Response {
        try await withThrowingTaskGroup(of: Response?.self) { group in
            group.addTask { try await handler() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let finished = try await group.next(), let response = finished else {
                throw CentralError(.databaseUnavailable, "the request took longer than its deadline of \(limit)")
            }
            return response
        }
    }
}
