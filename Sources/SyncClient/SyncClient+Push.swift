// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOHTTP1
import SyncProtocol

extension SyncClient {
    /// Pushes batches until the outbox has nothing after the server's mark.
    ///
    /// A 409 whose `expected_seq` lies below the batch means the server lost operations it had acknowledged (a
    /// restore from an older backup): the batches start again from there, from acknowledged rows the outbox
    /// keeps. Any other 409 breaks the contract and fails the round.
    func pushPending(over transport: SyncTransport) async throws {
        var lastAcked = try await outbox.status().lastAckedSeq
        var after = lastAcked
        var rewound = false
        while true {
            let candidates = try await outbox.operations(after: after, limit: configuration.batchOperations)
            guard !candidates.isEmpty else { return }
            let batch = try PushBatch(candidates: candidates, lastAckedSeq: lastAcked, maxBytes: configuration.batchBytes)
            let answer = try await transport.send(
                .POST, "/sync/v1/push", body: batch.body, gzipped: true, signedBy: identity)
            var metadata: Logger.Metadata = [
                LogKey.firstSeq.rawValue: "\(batch.firstSeq)", LogKey.lastSeq.rawValue: "\(batch.lastSeq)",
                LogKey.count.rawValue: "\(batch.operations.count)", LogKey.bytes.rawValue: "\(batch.jsonBytes)",
                LogKey.compressedBytes.rawValue: "\(batch.body.count)", LogKey.status.rawValue: "\(answer.status)",
            ]
            switch PushReply(answer) {
            case .acknowledged(let response):
                guard response.ackedThroughSeq >= batch.firstSeq else {
                    throw SyncClientError(
                        .unexpectedAnswer,
                        "push: acked_through_seq \(response.ackedThroughSeq) below the batch from \(batch.firstSeq)")
                }
                try await outbox.recordPush(response)
                lastAcked = max(lastAcked, response.ackedThroughSeq)
                after = response.ackedThroughSeq
                rewound = false
                metadata[LogKey.ackedThroughSeq.rawValue] = "\(response.ackedThroughSeq)"
                metadata[LogKey.rejected.rawValue] = "\(response.results.filter { $0.status == .rejected }.count)"
                logger.debug("pushed a batch", metadata: metadata)
            case .gap(let expectedSeq):
                metadata[LogKey.expectedSeq.rawValue] = "\(expectedSeq)"
                guard expectedSeq < batch.firstSeq, expectedSeq >= 1, !rewound else {
                    throw SyncClientError(
                        .unexpectedAnswer, "push: 409 expects seq \(expectedSeq) for a batch from \(batch.firstSeq)")
                }
                logger.info("the server is behind the device; resending from its expected seq", metadata: metadata)
                after = expectedSeq - 1
                rewound = true
            case .failed(let error):
                throw error
            }
        }
    }
}
