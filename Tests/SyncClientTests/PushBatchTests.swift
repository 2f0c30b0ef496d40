// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CompressNIO
import Foundation
import NIOCore
import SyncClient
import SyncProtocol
import Testing

/// A push batch is the longest prefix within the byte budget, never empty, and its body is gzip of the JSON.
struct PushBatchTests {
    static func operations(_ count: Int, padding: Int) async -> [SyncOperation] {
        let outbox = MemoryOutbox()
        await outbox.append(count, padding: padding)
        return await outbox.operations
    }

    static func json(of batch: PushBatch) throws -> Data {
        var body = ByteBuffer(bytes: batch.body)
        return Data(try body.decompress(with: .gzip()).readableBytesView)
    }

    @Test func takesTheLongestPrefixThatFitsTheByteBudget() async throws {
        let candidates = await Self.operations(10, padding: 300)
        let batch = try PushBatch(candidates: candidates, lastAckedSeq: 0, maxBytes: 2_000)
        #expect(batch.operations.count >= 2 && batch.operations.count < 10)
        #expect(batch.jsonBytes <= 2_000)
        let oneMore = try PushBatch(
            candidates: Array(candidates.prefix(batch.operations.count + 1)), lastAckedSeq: 0, maxBytes: .max)
        #expect(oneMore.jsonBytes > 2_000)
        #expect(batch.operations.map(\.seq) == Array(1...Int64(batch.operations.count)))
    }

    @Test func anOversizedOperationStillGoesAlone() async throws {
        let candidates = await Self.operations(3, padding: 5_000)
        let batch = try PushBatch(candidates: candidates, lastAckedSeq: 0, maxBytes: 1_000)
        #expect(batch.operations.map(\.seq) == [1])
    }

    @Test func bodyIsGzipOfThePushRequestAndSmaller() async throws {
        let candidates = await Self.operations(20, padding: 200)
        let batch = try PushBatch(candidates: candidates, lastAckedSeq: 7, maxBytes: 1_000_000)
        #expect(batch.body.starts(with: [0x1f, 0x8b]))
        #expect(batch.body.count * 4 < batch.jsonBytes)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let request = try decoder.decode(PushRequest.self, from: try Self.json(of: batch))
        #expect(request == PushRequest(lastAckedSeq: 7, operations: candidates))
        #expect(try Self.json(of: batch).count == batch.jsonBytes)
    }
}
