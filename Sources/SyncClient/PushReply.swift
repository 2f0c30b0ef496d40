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
    /// 401: the device was revoked or never enrolled.
    case revoked
    /// Anything else: retry later with backoff.
    case failed(SyncClientError)

    /// Reads an answer.
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - body: The body.
    ///   - retryAfter: The answer's `Retry-After`, if any.
    init(status: Int, body: Data, retryAfter: Duration? = nil) {
        let decoder = SyncJSON.decoder()
        switch status {
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
        case 401:
            self = .revoked
        case 429, 500...599:
            var error = SyncClientError(.serverError, "push: server answered \(status)")
            error.retryAfter = retryAfter
            self = .failed(error)
        default:
            self = .failed(SyncClientError(.unexpectedAnswer, "push: server answered \(status)"))
        }
    }
}
