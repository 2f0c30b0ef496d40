// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Store
import Testing

/// Agents' PINs: a salted scrypt hash only, five wrong tries lock for five minutes (the right PIN too).
struct CaseStoreAgentsTests {
    @Test func fiveWrongPINsLockTheAgentForFiveMinutes() throws {
        let cases = try CaseFixture(.memory).cases
        try cases.createAgent(id: "agent-1", name: "李代办", pin: "246810")
        let start = CaseFixture.nine
        #expect(try cases.verifyPIN(agentID: "agent-1", pin: "246810", at: start) == .accepted(.init(id: "agent-1", name: "李代办")))
        for (attempt, remaining) in zip(1...4, [4, 3, 2, 1]) {
            let at = start.addingTimeInterval(Double(attempt))
            #expect(try cases.verifyPIN(agentID: "agent-1", pin: "000000", at: at) == .refused(remainingAttempts: remaining))
        }
        let fifth = start.addingTimeInterval(5)
        let until = fifth.addingTimeInterval(CaseStore.lockoutDuration)
        #expect(try cases.verifyPIN(agentID: "agent-1", pin: "000000", at: fifth) == .locked(until: until))
        // Locked: the right PIN is refused too, up to the last second.
        #expect(try cases.verifyPIN(agentID: "agent-1", pin: "246810", at: fifth.addingTimeInterval(60)) == .locked(until: until))
        #expect(try cases.verifyPIN(agentID: "agent-1", pin: "246810", at: until.addingTimeInterval(-1)) == .locked(until: until))
        #expect(try cases.verifyPIN(agentID: "agent-1", pin: "246810", at: until) == .accepted(.init(id: "agent-1", name: "李代办")))
        // After the lock the count starts again.
        #expect(try cases.verifyPIN(agentID: "agent-1", pin: "000000", at: until) == .refused(remainingAttempts: 4))
    }

    @Test func aRightPINForgetsEarlierFailures() throws {
        let cases = try CaseFixture(.memory).cases
        try cases.createAgent(id: "agent-2", name: "张代办", pin: "135790")
        let now = CaseFixture.nine
        for _ in 0..<4 { _ = try cases.verifyPIN(agentID: "agent-2", pin: "1", at: now) }
        #expect(try cases.verifyPIN(agentID: "agent-2", pin: "135790", at: now) == .accepted(.init(id: "agent-2", name: "张代办")))
        #expect(try cases.verifyPIN(agentID: "agent-2", pin: "1", at: now) == .refused(remainingAttempts: 4))
        #expect(try cases.verifyPIN(agentID: "nobody", pin: "135790", at: now) == .unknownAgent)
    }

    @Test func onlyASaltedHashOfThePINIsStored() throws {
        let fixture = try CaseFixture(.memory)
        try fixture.cases.createAgent(id: "a", name: "甲", pin: "246810")
        try fixture.cases.createAgent(id: "b", name: "乙", pin: "246810")
        let rows = try fixture.store.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM agent ORDER BY id") }
        #expect(rows.count == 2)
        let hashes = rows.map { $0["pin_hash"] as Data }
        #expect(hashes[0] != hashes[1], "same PIN, different salts, different hashes")
        #expect(rows.allSatisfy { $0["pin_rounds"] as Int >= 1 << 14 })
        for row in rows {
            for column in row.columnNames {
                switch (row[column] as DatabaseValue).storage {
                case .string(let text): #expect(!text.contains("246810"))
                case .blob(let blob): #expect(blob.range(of: Data("246810".utf8)) == nil)
                default: break
                }
            }
        }
    }
}
