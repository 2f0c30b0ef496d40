// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import SyncProtocol
import CompressNIO
import NIOCore

/// One push: the longest run of operations, from the first offered, whose `PushRequest` JSON fits in a byte
/// budget, compressed with gzip for the wire.
///
/// The first operation always goes, even alone over the budget, so an oversized operation cannot stall the
/// outbox; the server's own limit then decides.
public struct PushBatch: Sendable {
    /// The operations sent, ascending.
    public let operations: [SyncOperation]
    /// The size of the JSON body before compression.
    public let jsonBytes: Int
    /// The gzip-compressed body, as sent with `Content-Encoding: gzip`.
    public let body: Data

    /// Builds a batch.
    /// - Parameters:
    ///   - candidates: The operations offered, ascending by `seq`; must not be empty.
    ///   - lastAckedSeq: The device's acknowledged mark, sent with the batch.
    ///   - maxBytes: The budget for the uncompressed JSON body.
    /// - Throws: When an operation cannot be encoded, or compression fails.
    public init(candidates: [SyncOperation], lastAckedSeq: Int64, maxBytes: Int) throws {
        precondition(!candidates.isEmpty, "a push batch needs an operation")
        let encoder = SyncJSON.encoder()
        // JSONEncoder writes an array as `[a,b,c]`: the body's size is the empty request's, plus each
        // operation's own encoding, plus one comma between two.
        var size = try encoder.encode(PushRequest(lastAckedSeq: lastAckedSeq, operations: [])).count
        var count = 0
        for operation in candidates {
            let added = try encoder.encode(operation).count + (count == 0 ? 0 : 1)
            if count > 0 && size + added > maxBytes { break }
            size += added
            count += 1
        }
        operations = Array(candidates.prefix(count))
        let json = try encoder.encode(PushRequest(lastAckedSeq: lastAckedSeq, operations: operations))
        jsonBytes = json.count
        var buffer = ByteBuffer(bytes: json)
        let compressed = try buffer.compress(with: .gzip())
        body = Data(compressed.readableBytesView)
    }

    /// The first operation's sequence.
    public var firstSeq: Int64 { operations[0].seq }
    /// The last operation's sequence.
    public var lastSeq: Int64 { operations[operations.count - 1].seq }
}
