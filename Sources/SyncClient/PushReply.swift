// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import SyncProtocol

/// What the server's answer to a push means for the client.
enum PushReply {
    /// 200: the server holds everything through `acked_through_seq`.
    case acknowledged(PushResponse)
    /// 409: the batch did not start where the server expects; it wants operations from `expectedSeq`.
    case gap(expectedSeq: Int64)
    /// Anything else: the transport's refusal (401 stops the client, 429 and 5xx retry later with backoff).
    case failed(SyncClientError)

    /// Reads an answer.
    /// - Parameter answer: The status and body.
    init(_ answer: SyncTransport.Answer) {
        let decoder = SyncJSON.decoder()
        let body = answer.body
        switch answer.status {
        case 200:
            if let response = try? decoder.decode(PushResponse.self, from: body) {
                self = .acknowledged(response)
            } else {
                self = .failed(SyncClientError(.unexpectedAnswer, "push: 200 without a valid acknowledgement"))
            }
        case 409:
            if let gap = try? decoder.decode(PushGap.self, from: body) {
                self = .gap(expectedSeq: gap.expectedSeq)
            } else {
                self = .failed(SyncClientError(.unexpectedAnswer, "push: 409 without an expected_seq"))
            }
        default:
            self = .failed(answer.refusal(of: "push"))
        }
    }
}
