// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import Testing

struct WaitingLineTests {
    private func entry(_ seconds: Double, _ id: Int64) -> WaitingLine.Entry {
        WaitingLine.Entry(key: Date(timeIntervalSince1970: seconds), id: id)
    }

    @Test func headsAreTheOldestOfEachClass() {
        var line = WaitingLine()
        line.insert(entry(30, 3), priority: .normal)
        line.insert(entry(10, 1), priority: .normal)
        line.insert(entry(20, 2), priority: .elderly)
        let heads = Dictionary(uniqueKeysWithValues: line.heads.map { ($0.priority, $0.entry.id) })
        #expect(heads == [.normal: 1, .elderly: 2])
        #expect(line.count == 3)
    }

    @Test func aheadCountsHigherClassesThenEarlierKeys() {
        var line = WaitingLine()
        line.insert(entry(10, 1), priority: .normal)
        line.insert(entry(20, 2), priority: .normal)
        line.insert(entry(30, 3), priority: .greenChannel)
        #expect(line.ahead(of: entry(20, 2), priority: .normal) == 2)
        #expect(line.ahead(of: entry(30, 3), priority: .greenChannel) == 0)
        #expect(line.entry(atStrictPosition: 0)?.entry.id == 3)
        #expect(line.entry(atStrictPosition: 2)?.entry.id == 2)
        #expect(line.entry(atStrictPosition: 3) == nil)
    }

    @Test func removeFindsTheExactEntryOnly() {
        var line = WaitingLine()
        line.insert(entry(10, 1), priority: .normal)
        let wrongID = line.remove(entry(10, 2), priority: .normal)
        let wrongClass = line.remove(entry(10, 1), priority: .elderly)
        let exact = line.remove(entry(10, 1), priority: .normal)
        #expect(!wrongID && !wrongClass && exact)
        #expect(line.isEmpty)
    }
}

struct OpenHoursTests {
    @Test func parsesPeriodsAndRejectsNonsense() {
        let hours = OpenHours(parsing: "08:30-12:00, 13:30-17:30")
        #expect(hours?.description == "08:30-12:00,13:30-17:30")
        #expect(hours?.contains(minuteOfDay: 8 * 60 + 30) == true)
        #expect(hours?.contains(minuteOfDay: 12 * 60) == false)
        #expect(OpenHours(parsing: "00:00-24:00")?.contains(minuteOfDay: 1439) == true)
        for bad in ["", "8-12", "12:00-08:00", "08:00-12:00,11:00-13:00", "25:00-26:00", "08:60-09:00"] {
            #expect(OpenHours(parsing: bad) == nil, "accepted \(bad)")
        }
    }
}

struct AlarmThresholdsTests {
    @Test func levelIsTheHigherOfCountAndWait() {
        let thresholds = AlarmThresholds()
        #expect(thresholds.level(waiting: 0, longestWait: 0) == .blue)
        #expect(thresholds.level(waiting: 1, longestWait: 30) == .green)
        #expect(thresholds.level(waiting: 10, longestWait: 30) == .yellow)
        #expect(thresholds.level(waiting: 2, longestWait: 3600) == .red)
        #expect(thresholds.level(waiting: 45, longestWait: 0) == .red)
    }
}
