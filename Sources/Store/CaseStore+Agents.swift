// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import GRDB

extension CaseStore {
    /// A village agent (代办员).
    public struct Agent: Sendable, Hashable {
        /// The agent's id, e.g. `agent-1`.
        public var id: String
        /// The name printed on receipts.
        public var name: String

        /// Creates an agent.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// What a PIN check found.
    public enum PINCheck: Sendable, Hashable {
        /// The PIN is right; failures are forgotten.
        case accepted(Agent)
        /// The PIN is wrong; after `remainingAttempts` more failures the agent is locked.
        case refused(remainingAttempts: Int)
        /// The agent is locked until then; the PIN was not checked.
        case locked(until: Date)
        /// No agent has this id.
        case unknownAgent
    }

    /// Wrong PINs in a row that lock an agent.
    public static let maximumFailedAttempts = 5
    /// How long a locked agent stays locked.
    public static let lockoutDuration: TimeInterval = 5 * 60

    /// Adds an agent, or replaces one with the same id (new name and PIN, lockout cleared).
    /// - Parameters:
    ///   - id: The agent's id.
    ///   - name: The name printed on receipts.
    ///   - pin: The PIN; only its scrypt hash is stored, with a random salt.
    /// - Throws: ``StoreError`` `writeFailed`.
    public func createAgent(id: String, name: String, pin: String) throws(StoreError) {
        do {
            let hash = try PINHash(pin: pin)
            try writer.write { db in
                try AgentRecord(
                    id: id, name: name, pinHash: Data(hash.hash), pinSalt: Data(hash.salt), pinRounds: hash.cost.rounds,
                    pinBlockSize: hash.cost.blockSize, pinParallelism: hash.cost.parallelism, failedAttempts: 0, lockedUntil: nil
                ).save(db)
            }
        } catch {
            throw StoreError(.writeFailed, "cannot store an agent", underlying: error)
        }
    }

    /// The agent with this id, if any.
    public func agent(id: String) throws(StoreError) -> Agent? {
        do {
            return try writer.read { db in
                try AgentRecord.fetchOne(db, key: id).map { Agent(id: $0.id, name: $0.name) }
            }
        } catch {
            throw StoreError(.readFailed, "cannot read an agent", underlying: error)
        }
    }

    /// Checks an agent's PIN: ``maximumFailedAttempts`` wrong ones in a row lock the agent for
    /// ``lockoutDuration``, during which even the right PIN is refused. Runs scrypt (tens of milliseconds):
    /// call it off the cooperative thread pool.
    /// - Parameters:
    ///   - agentID: The agent.
    ///   - pin: The PIN typed.
    ///   - now: The time of the attempt.
    /// - Returns: What the check found.
    /// - Throws: ``StoreError`` when the store cannot be read or the attempt not recorded.
    public func verifyPIN(agentID: String, pin: String, at now: Date) throws(StoreError) -> PINCheck {
        let record: AgentRecord?
        do {
            record = try writer.read { db in try AgentRecord.fetchOne(db, key: agentID) }
        } catch {
            throw StoreError(.readFailed, "cannot read an agent", underlying: error)
        }
        guard let record else {
            // As slow as a real check, so the time taken does not tell which agent ids exist.
            _ = try? PINHash(pin: pin)
            return .unknownAgent
        }
        if let until = record.lockedUntil, now.timeIntervalSince1970 < until {
            return .locked(until: Date(timeIntervalSince1970: until))
        }
        do {
            let matches = try record.hash.matches(pin)
            return try writer.write { db in
                if matches {
                    try db.execute(sql: "UPDATE agent SET failed_attempts = 0, locked_until = NULL WHERE id = ?", arguments: [agentID])
                    return .accepted(Agent(id: record.id, name: record.name))
                }
                let failures =
                    (try Int.fetchOne(db, sql: "SELECT failed_attempts FROM agent WHERE id = ?", arguments: [agentID]) ?? 0) + 1
                guard failures < Self.maximumFailedAttempts else {
                    let until = now.addingTimeInterval(Self.lockoutDuration)
                    try db.execute(
                        sql: "UPDATE agent SET failed_attempts = 0, locked_until = ? WHERE id = ?",
                        arguments: [until.timeIntervalSince1970, agentID])
                    return .locked(until: until)
                }
                try db.execute(
                    sql: "UPDATE agent SET failed_attempts = ?, locked_until = NULL WHERE id = ?", arguments: [failures, agentID])
                return .refused(remainingAttempts: Self.maximumFailedAttempts - failures)
            }
        } catch {
            throw StoreError(.writeFailed, "cannot record a PIN attempt", underlying: error)
        }
    }
}
