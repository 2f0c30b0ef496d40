// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Metadata keys of the central server's log lines. Values are ids, counts and codes, never personal data.
enum LogKey: String {
    case error = "central.error"
    case device = "sync.device.id"
    case point = "sync.point.id"
    case stream = "sync.stream"
    case operations = "sync.push.operations"
    case firstSeq = "sync.push.first_seq"
    case ackedSeq = "sync.push.acked_seq"
    case refusal = "sync.refusal"
    case retryAfter = "sync.retry_after"
    case migration = "central.migration"
    case fingerprint = "central.data_key.fingerprint"
    case listen = "central.listen"
}
