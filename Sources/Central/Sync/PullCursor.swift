// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import SyncProtocol

/// A position in one pull stream, opaque to the kiosk: the stream, the server's epoch and the last change id the
/// device holds, in URL-safe base64 of `v1|stream|epoch|change`.
struct PullCursor: Sendable, Hashable {
    /// The stream it belongs to.
    let stream: PullStream
    /// The epoch of the database that issued it.
    let epoch: String
    /// The last change (of `change_seq`) the device holds; 0 for none.
    let changeID: Int64

    init(stream: PullStream, epoch: String, changeID: Int64) {
        self.stream = stream
        self.epoch = epoch
        self.changeID = changeID
    }

    /// Reads a cursor a kiosk sent back; `nil` when it is not one of ours.
    init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        let fields = String(decoding: data, as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == "v1", let stream = PullStream(rawValue: String(fields[1])),
            let changeID = Int64(fields[3]), changeID >= 0
        else { return nil }
        self.init(stream: stream, epoch: String(fields[2]), changeID: changeID)
    }

    /// The opaque form.
    var token: String {
        Data("v1|\(stream.rawValue)|\(epoch)|\(changeID)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
