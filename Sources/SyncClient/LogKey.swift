// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The sync client's log metadata keys. Values are ids, sequences, counts and status codes — never payloads.
enum LogKey: String {
    case device = "sync.device.id"
    case firstSeq = "sync.push.first_seq"
    case lastSeq = "sync.push.last_seq"
    case count = "sync.push.count"
    case bytes = "sync.push.bytes"
    case compressedBytes = "sync.push.compressed_bytes"
    case ackedThroughSeq = "sync.push.acked_through_seq"
    case expectedSeq = "sync.push.expected_seq"
    case rejected = "sync.push.rejected"
    case stream = "sync.pull.stream"
    case changes = "sync.pull.changes"
    case status = "sync.http.status"
    case error = "sync.error"
    case delay = "sync.backoff.delay_ms"
    case failures = "sync.backoff.failures"
}
