// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import SyncClient
import Testing

/// Full-jitter exponential backoff: the window doubles per failure up to the cap, the wait is drawn inside it,
/// and a success starts over.
struct BackoffTests {
    @Test func windowDoublesFromTheBaseUpToTheCap() {
        var backoff = Backoff(configuration: .init(base: .seconds(1), cap: .seconds(300)))
        var windows: [Duration] = []
        for _ in 0..<12 {
            _ = backoff.nextDelay(jitter: 0.5)
            windows.append(backoff.window)
        }
        #expect(windows == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300].map { Duration.seconds($0) })
    }

    @Test func fullJitterDrawsBetweenZeroAndTheWindow() {
        var backoff = Backoff()
        #expect(backoff.nextDelay(jitter: 0) == .zero)
        #expect(backoff.nextDelay(jitter: 1) == .seconds(2))
        #expect(backoff.nextDelay(jitter: 0.25) == .seconds(1))
        for _ in 0..<200 {
            let delay = backoff.nextDelay(jitter: .random(in: 0...1))
            #expect(delay >= .zero && delay <= backoff.window)
            #expect(backoff.window <= .seconds(300))
        }
    }

    @Test func manyFailuresNeverOverflowPastTheCap() {
        var backoff = Backoff(configuration: .init(base: .milliseconds(10), cap: .seconds(5)))
        for _ in 0..<10_000 { _ = backoff.nextDelay(jitter: 1) }
        #expect(backoff.nextDelay(jitter: 1) == .seconds(5))
    }

    @Test func aSuccessStartsOver() {
        var backoff = Backoff()
        for _ in 0..<6 { _ = backoff.nextDelay(jitter: 1) }
        backoff.reset()
        #expect(backoff.failures == 0)
        #expect(backoff.window == .zero)
        #expect(backoff.nextDelay(jitter: 1) == .seconds(1))
    }
}
