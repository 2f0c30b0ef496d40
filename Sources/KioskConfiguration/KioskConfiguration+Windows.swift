// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue
import TOMLKit

/// The `[[window]]` tables and their staff tokens.
extension KioskConfiguration {
    static let windowKeys = ["id", "name", "businesses", "token", "token_file"]

    static func readWindows(
        _ document: TableReader,
        businesses: [Business]
    ) throws(ConfigurationError) -> (windows: [Window], tokens: [String: String]) {
        let tables = try document.tables("window")
        guard !tables.isEmpty else {
            throw document.context.error(
                .missingKey, at: "window",
                "no [[window]] table: at least one window is required, e.g. [[window]] id = \"1\" name = \"1号窗口\" "
                    + "businesses = [\"\(businesses[0].code)\"] token_file = \"/etc/kioskd/tokens/1\"")
        }
        var windows: [Window] = []
        var tokens: [String: String] = [:]
        var tokenOwners: [String: Int] = [:]
        for (index, table) in tables.enumerated() {
            try table.rejectUnknownKeys(allowed: windowKeys)
            let id = try table.requiredString("id")
            guard id.isWindowID else {
                throw table.error(
                    .invalidValue, "id",
                    "expected 1–16 ASCII letters, digits or `-`, e.g. \"3\" or \"A-1\", found \(TableReader.quoted(id))"
                )
            }
            if let other = windows.firstIndex(where: { $0.id == id }) {
                throw table.error(
                    .duplicate, "id", "window id \(TableReader.quoted(id)) is already used by window[\(other + 1)]")
            }
            let name = try table.requiredString("name")
            let served = try readServedBusinesses(table, known: businesses.map(\.code))
            let (token, tokenKey) = try readToken(table)
            if let other = tokenOwners[token] {
                throw table.error(
                    .duplicate, tokenKey,
                    "this window's staff token is the same as window[\(other + 1)]'s; give each window its own token")
            }
            tokenOwners[token] = index
            tokens[id] = token
            windows.append(Window(id: id, name: name, businesses: served))
        }
        return (windows, tokens)
    }

    private static func readServedBusinesses(
        _ table: TableReader,
        known: [String]
    ) throws(ConfigurationError) -> [ServedBusiness] {
        let expectedElement = "a business code or { business = \"…\", weight = 2 }"
        guard let array = try table.array("businesses", of: "an array of business codes") else {
            throw table.missing("businesses", "an array of business codes, e.g. [\"\(known[0])\"]")
        }
        guard !array.isEmpty else {
            throw table.error(.invalidValue, "businesses", "expected at least one business code, found []")
        }
        var served: [ServedBusiness] = []
        for (index, element) in array.enumerated() {
            let key = "businesses[\(index + 1)]"
            let code: String
            var weight = 1.0
            if let string = element.string {
                code = string
            } else if let inline = element.table {
                let entry = TableReader(table: inline, path: table.keyPath(key), context: table.context)
                try entry.rejectUnknownKeys(allowed: ["business", "weight"])
                code = try entry.requiredString("business")
                if let value = try entry.number("weight") {
                    guard value > 0, value <= 100 else {
                        throw entry.error(
                            .invalidValue, "weight", "expected a number > 0 and ≤ 100, found \(format(value))")
                    }
                    weight = value
                }
            } else {
                throw table.wrongType(key, expectedElement, element.tomlValue)
            }
            guard known.contains(code) else {
                let hint =
                    KeySuggestion.nearest(to: code, in: known).map { "did you mean \"\($0)\"?" }
                    ?? "configured businesses: " + known.map { "\"\($0)\"" }.joined(separator: ", ")
                throw table.error(.unknownReference, key, "unknown business \(TableReader.quoted(code)); \(hint)")
            }
            if let other = served.firstIndex(where: { $0.business == code }) {
                throw table.error(
                    .duplicate, key,
                    "business \(TableReader.quoted(code)) is listed twice (also businesses[\(other + 1)])")
            }
            served.append(ServedBusiness(business: code, weight: weight))
        }
        return served
    }

    /// The window's staff token from `token` or `token_file`, and which of the two keys gave it.
    private static func readToken(_ table: TableReader) throws(ConfigurationError) -> (token: String, key: String) {
        let rule = "8–128 printable ASCII characters without spaces"
        let inline = try table.string("token", secret: true)
        let path = try table.string("token_file")
        switch (inline, path) {
        case (nil, nil):
            throw table.error(
                .missingKey, "token",
                "missing staff token: set `token_file = \"/etc/kioskd/tokens/…\"` (recommended) or `token = \"…\"`")
        case (.some, .some):
            throw table.error(.invalidValue, "token_file", "set either `token` or `token_file`, not both")
        case (let token?, nil):
            guard token.isStaffToken else {
                throw table.error(.invalidValue, "token", "expected \(rule), found \(describeBadToken(token))")
            }
            return (token, "token")
        case (nil, let path?):
            guard !path.isEmpty else {
                throw table.error(
                    .invalidValue, "token_file", "expected the path of a file holding the token, found \"\"")
            }
            let contents: String
            do {
                contents = try TextFile.read(path)
            } catch {
                throw table.error(
                    .unreadableFile, "token_file",
                    "cannot read token file \(TableReader.quoted(path, whole: true)): \(error.reason)")
            }
            let token = contents.trimmingCharacters(in: .whitespacesAndNewlines)
            guard token.isStaffToken else {
                throw table.error(
                    .invalidValue, "token_file",
                    "the token in \(TableReader.quoted(path, whole: true)) must be \(rule); found \(describeBadToken(token))"
                )
            }
            return (token, "token_file")
        }
    }

    /// What is wrong with a token, without revealing it.
    private static func describeBadToken(_ token: String) -> String {
        let length = "\(token.count) character\(token.count == 1 ? "" : "s")"
        guard (8...128).contains(token.count) else { return length }
        return "\(length) including spaces or non-ASCII characters"
    }
}
