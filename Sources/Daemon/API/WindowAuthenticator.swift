// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Hummingbird

/// Checks a window operation's `Authorization: Bearer <token>` against that window's staff token.
struct WindowAuthenticator: Sendable {
    private let tokens: [String: [UInt8]]

    init(tokens: [String: String]) {
        self.tokens = tokens.mapValues { Array($0.utf8) }
    }

    /// Throws 404 for an unknown window and 401 for a missing or wrong token.
    func authenticate(window: String, request: Request) throws(APIError) {
        guard let expected = tokens[window] else {
            throw APIError(.notFound, code: "unknown_window", message: "没有编号为 \(window) 的窗口")
        }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError.unauthorized
        }
        guard Self.constantTimeEquals(Array(header.utf8.dropFirst(7)), expected) else {
            throw APIError.unauthorized
        }
    }

    /// Compares without an early exit, so the time taken does not reveal how much of a token matched.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = lhs.count ^ rhs.count
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? Int(lhs[index]) : 0x100
            let right = index < rhs.count ? Int(rhs[index]) : 0x200
            difference |= left ^ right
        }
        return difference == 0
    }
}
