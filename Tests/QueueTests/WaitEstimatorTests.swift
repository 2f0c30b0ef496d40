// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Testing

struct WaitEstimatorTests {
    @Test func idleServerMeansNoWaitForTheFirstInLine() {
        #expect(WaitEstimator.estimate(ahead: 0, serviceSeconds: 300, servers: [.init(share: 1, freeIn: 0)]) == 0)
    }

    @Test func replayAssignsPeopleAheadToWhicheverServerFreesFirst() {
        let servers = [WaitEstimator.Server(share: 1, freeIn: 100), WaitEstimator.Server(share: 1, freeIn: 200)]
        // Ahead: one goes to server 1 (free at 100, busy to 400); we get server 2 at 200.
        #expect(WaitEstimator.estimate(ahead: 1, serviceSeconds: 300, servers: servers) == 200)
        // Ahead: two: server 1 (→400), server 2 (→500); we get server 1 at 400.
        #expect(WaitEstimator.estimate(ahead: 2, serviceSeconds: 300, servers: servers) == 400)
    }

    @Test func sharedWindowCountsOnlyItsShare() {
        let full = WaitEstimator.estimate(ahead: 4, serviceSeconds: 300, servers: [.init(share: 1, freeIn: 0)])!
        let half = WaitEstimator.estimate(ahead: 4, serviceSeconds: 300, servers: [.init(share: 0.5, freeIn: 0)])!
        #expect(half == 2 * full)
    }

    @Test func noServerMeansNoEstimate() {
        #expect(WaitEstimator.estimate(ahead: 3, serviceSeconds: 300, servers: []) == nil)
        #expect(WaitEstimator.naive(ahead: 3, meanServiceSeconds: 300, openWindows: 0) == nil)
    }

    @Test func longQueuesUseTheFluidRateBeyondTheReplay() {
        let servers = [WaitEstimator.Server(share: 1, freeIn: 0), WaitEstimator.Server(share: 1, freeIn: 0)]
        let estimate = WaitEstimator.estimate(ahead: 10_000, serviceSeconds: 60, servers: servers)!
        #expect(abs(estimate - 10_000 * 60 / 2) < 60)
    }

    @Test func serviceTimeIsShrunkTowardsTheTypicalValue() {
        #expect(WaitEstimator.serviceSeconds(samples: [], typical: 300, priorWeight: 3) == 300)
        #expect(WaitEstimator.serviceSeconds(samples: [100], typical: 300, priorWeight: 3) == 250)
        #expect(WaitEstimator.serviceSeconds(samples: [100], typical: 300, priorWeight: 0) == 100)
    }

    @Test func estimateBeatsTheNaiveOneOnASimulatedDay() throws {
        var totals = (ours: 0.0, naive: 0.0)
        for seed in [1, 2, 3] as [UInt64] {
            var simulation = DaySimulation(seed: seed)
            let result = try simulation.run()
            #expect(result.tickets > 200)
            print(
                "Simulated day \(seed): \(result.tickets) tickets, MAE ours \(Int(result.meanAbsoluteError)) s,"
                    + " naive \(Int(result.naiveMeanAbsoluteError)) s")
            totals.ours += result.meanAbsoluteError
            totals.naive += result.naiveMeanAbsoluteError
        }
        #expect(totals.ours < totals.naive * 0.8)
    }
}
