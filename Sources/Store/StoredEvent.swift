// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Queue

/// An event as logged: its sequence number in the audit log and the event.
public struct StoredEvent: Sendable, Hashable {
    /// The log's sequence number, increasing, never reused.
    public var seq: Int64
    /// The event.
    public var event: QueueEvent

    /// Creates a stored event.
    public init(seq: Int64, event: QueueEvent) {
        self.seq = seq
        self.event = event
    }
}
