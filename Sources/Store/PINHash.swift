// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import _CryptoExtras
import Crypto

/// An agent's PIN as stored: a scrypt hash with its own random salt and the cost it was made with, so the
/// cost can be raised later without invalidating older hashes.
struct PINHash: Sendable {
    /// scrypt's cost parameters.
    struct Cost: Sendable, Hashable {
        /// N, a power of two.
        var rounds: Int
        /// r.
        var blockSize: Int
        /// p.
        var parallelism: Int

        /// N = 2^15, r = 8, p = 1 (32 MiB): tens of milliseconds per try, so guessing a six-digit PIN from a
        /// stolen database costs hours of CPU per agent, while at the counter the lockout stops guessing first.
        static let standard = Cost(rounds: 1 << 15, blockSize: 8, parallelism: 1)
    }

    var hash: [UInt8]
    var salt: [UInt8]
    var cost: Cost

    /// Hashes a PIN with a new random 16-byte salt.
    init(pin: String, cost: Cost = .standard) throws {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        self.init(hash: try Self.derive(pin: pin, salt: salt, cost: cost), salt: salt, cost: cost)
    }

    init(hash: [UInt8], salt: [UInt8], cost: Cost) {
        self.hash = hash
        self.salt = salt
        self.cost = cost
    }

    /// Whether `pin` is this PIN, compared in constant time.
    func matches(_ pin: String) throws -> Bool {
        Self.constantTimeEquals(try Self.derive(pin: pin, salt: salt, cost: cost), hash)
    }

    private static func derive(pin: String, salt: [UInt8], cost: Cost) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(pin.utf8), salt: salt, outputByteCount: 32, rounds: cost.rounds, blockSize: cost.blockSize,
            parallelism: cost.parallelism)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Compares without an early exit, so the time taken does not reveal how much matched.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
