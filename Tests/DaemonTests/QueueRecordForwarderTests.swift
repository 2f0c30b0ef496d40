// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Queue
import Store
import SyncProtocol
import Testing

@testable import Daemon

/// A rating at a window reaches the outbox through the running forwarder, woken by the queue's event, once.
struct QueueRecordForwarderTests {
    @Test func aRatingEntersTheOutboxOnceWhenTheQueueLogsIt() async throws {
        let harness = try APIHarness()
        let clock = harness.clock
        let forwarder = QueueRecordForwarder(
            cases: harness.cases, broadcaster: harness.broadcaster, sync: .off, timeZone: TimeZone(identifier: "Asia/Shanghai")!,
            now: { clock.now() }, logger: Logger(label: "test"))
        let running = Task { try await forwarder.run() }
        defer { running.cancel() }

        _ = try await harness.hall.take(TakeRequest(business: "social"))
        _ = try await harness.hall.callNext(window: "1")
        _ = try await harness.hall.finish(window: "1", outcome: "done")
        _ = try await harness.hall.rate(window: "1", number: "A001", level: .satisfied, reason: nil)

        let store = harness.cases.store
        let deadline = ContinuousClock.now + .seconds(30)
        var operations: [SyncOperation] = []
        while ContinuousClock.now < deadline {
            operations = try store.operations(after: 0, limit: 10, maxBytes: 1 << 20)
            if !operations.isEmpty { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(operations.map(\.payload.kind) == ["rating_given"])
        guard case .ratingGiven(let rating) = operations.first?.payload else { return }
        #expect(rating.ticketNumber == "A001" && rating.window == "1" && rating.level == RatingLevel.satisfied.rawValue)

        // Another pass forwards nothing new.
        await forwarder.forward()
        #expect(try store.operations(after: 0, limit: 10, maxBytes: 1 << 20).count == 1)
    }
}

/// The agent's sentence says where the cases are, in each state of the link.
struct SyncStatusMessageTests {
    private static func summary(pending: Int, age: TimeInterval?) -> SyncSummary {
        SyncSummary(
            pendingCount: pending, oldestPendingAt: nil, oldestPendingAge: age, lastAckedSeq: 0, rejectedCount: 0, lastError: nil,
            lastErrorAt: nil, lastSuccessAt: nil)
    }

    @Test(arguments: [
        ("off", 0, nil, 0, "本机未连接中心，办件保存在本机"),
        ("not_enrolled", 2, 30, 0, "本机尚未在中心登记，2 项待上传，请联系技术人员"),
        ("stopped", 1, 30, 0, "中心已停用本机，1 项待上传，请联系技术人员"),
        ("syncing", 0, nil, 0, "已全部上传到中心"),
        ("syncing", 3, 7_300, 0, "3 项待上传，最早的已等 2 小时"),
        ("syncing", 3, 190_000, 4, "3 项待上传，最早的已等 2 天；网络或中心暂不可用，将自动重试"),
    ] as [(String, Int, TimeInterval?, Int, String)])
    func theSentenceFitsTheState(state: String, pending: Int, age: TimeInterval?, failures: Int, message: String) {
        let view = SyncStatusView(
            summary: Self.summary(pending: pending, age: age),
            link: .init(state: state, consecutiveFailures: failures))
        #expect(view.message == message)
    }
}
