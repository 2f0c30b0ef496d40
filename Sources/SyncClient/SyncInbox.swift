// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import SyncProtocol

/// Where pulled changes go: the kiosk's store applies a page and keeps the stream's cursor in the same
/// transaction, so a cursor never runs ahead of the data it covers.
public protocol SyncInbox: Sendable {
    /// The cursor to resume a stream from, `nil` to pull it from the start.
    /// - Parameter stream: The stream.
    /// - Returns: The cursor stored with the last applied page.
    /// - Throws: The store's error.
    func cursor(for stream: PullStream) async throws -> String?

    /// Applies catalogue changes and stores `cursor` with them, atomically.
    /// - Parameters:
    ///   - changes: Matters, oldest first; a newer version replaces the stored one.
    ///   - cursor: The page's `next_cursor`.
    /// - Throws: The store's error; then nothing of the page is kept.
    func applyCatalogue(_ changes: [MatterEntry], cursor: String) async throws

    /// Applies booking changes and stores `cursor` with them, atomically.
    /// - Parameters:
    ///   - changes: Bookings, oldest first.
    ///   - cursor: The page's `next_cursor`.
    /// - Throws: The store's error; then nothing of the page is kept.
    func applyBookings(_ changes: [BookingEntry], cursor: String) async throws

    /// Applies case-status changes and stores `cursor` with them, atomically.
    /// - Parameters:
    ///   - changes: Status changes, oldest first.
    ///   - cursor: The page's `next_cursor`.
    /// - Throws: The store's error; then nothing of the page is kept.
    func applyCaseStatus(_ changes: [CaseStatusChange], cursor: String) async throws

    /// Drops a stream's local copy and its cursor, on the server's `must_resync`; the next pull starts over.
    /// - Parameter stream: The stream.
    /// - Throws: The store's error.
    func resetStream(_ stream: PullStream) async throws
}
