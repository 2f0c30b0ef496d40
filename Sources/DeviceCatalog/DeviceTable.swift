// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import TOMLKit

/// Typed, checked access to one table of a device file; every mismatch becomes a ``DeviceCatalogError``
/// at its key path and line.
struct DeviceTable {
    /// The table read.
    let table: TOMLTable
    /// The table's key path, e.g. `usb.endpoints` or `source[2]`; empty for the document root.
    let path: String
    /// The device file as given.
    let file: String
    /// The line finder for the file.
    let locator: KeyLocator

    /// The full key path of a key in this table.
    func keyPath(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// An error at a key of this table, or at the table itself when `key` is `nil`.
    func error(_ code: DeviceCatalogError.Code, _ key: String?, _ message: String) -> DeviceCatalogError {
        let keyPath = key.map(keyPath) ?? (path.isEmpty ? nil : path)
        return DeviceCatalogError(
            code: code, file: file, line: keyPath.flatMap(locator.line(of:)), key: keyPath, message: message)
    }

    /// Refuses keys the schema does not know, naming the ones it does.
    func rejectUnknownKeys(allowed: [String]) throws(DeviceCatalogError) {
        let unknown = table.keys.filter { !allowed.contains($0) }
        let first = unknown.min { (locator.line(of: keyPath($0)) ?? .max) < (locator.line(of: keyPath($1)) ?? .max) }
        guard let key = first else { return }
        let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
        let suggestion = DeviceTable.nearMatch(for: key, among: allowed).map { " (did you mean `\($0)`?)" } ?? ""
        throw error(.unknownKey, key, "unknown key\(suggestion); expected one of \(list)")
    }

    /// The allowed key closest to a misspelt one, when it is close enough to be a typo: at most 2 edits, and
    /// fewer than half the key's length (so `colour` does not suggest `model`).
    static func nearMatch(for key: String, among allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 && $0.1 * 2 < key.count }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// The Levenshtein distance between two short strings (insertions, deletions and substitutions).
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let target = Array(rhs)
        var previous = Array(0...target.count)
        for (row, character) in lhs.enumerated() {
            var current = [row + 1]
            for (column, other) in target.enumerated() {
                let substitution = previous[column] + (character == other ? 0 : 1)
                current.append(min(previous[column + 1] + 1, current[column] + 1, substitution))
            }
            previous = current
        }
        return previous[target.count]
    }

    /// Whether the key is present.
    func has(_ key: String) -> Bool {
        table[key] != nil
    }

    /// The raw value of a key, if present.
    func value(_ key: String) -> TOMLValue? {
        table[key]?.tomlValue
    }

    /// A string, or `nil` when absent; control characters (which would break a generated udev comment) are refused.
    func string(_ key: String) throws(DeviceCatalogError) -> String? {
        guard let value = value(key) else { return nil }
        guard let string = value.string else { throw wrongType(key, "a string", value) }
        if string.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw error(.invalidValue, key, "expected a string on one line without control characters")
        }
        return string
    }

    /// A string that must be present and not blank.
    func requiredString(_ key: String, _ expected: String) throws(DeviceCatalogError) -> String {
        guard let string = try string(key) else { throw missing(key, expected) }
        guard string.contains(where: { !$0.isWhitespace }) else {
            throw error(.invalidValue, key, "expected \(expected), found \"\"")
        }
        return string
    }

    /// An integer in `range`, or `nil` when absent.
    func integer(_ key: String, in range: ClosedRange<Int>) throws(DeviceCatalogError) -> Int? {
        guard let value = value(key) else { return nil }
        guard let integer = value.int else { throw wrongType(key, "an integer", value) }
        guard range.contains(integer) else {
            throw error(
                .invalidValue, key,
                "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(integer)")
        }
        return integer
    }

    /// A boolean, or `nil` when absent.
    func bool(_ key: String) throws(DeviceCatalogError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else { throw wrongType(key, "true or false", value) }
        return bool
    }

    /// One of a fixed set of words, or `nil` when absent.
    func word(_ key: String, oneOf words: [String]) throws(DeviceCatalogError) -> String? {
        guard let value = value(key) else { return nil }
        let list = words.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let string = value.string else { throw wrongType(key, "one of \(list)", value) }
        guard words.contains(string) else {
            throw error(.invalidValue, key, "expected one of \(list), found \(DeviceTable.describe(value))")
        }
        return string
    }

    /// An array of strings, or `nil` when absent.
    func strings(_ key: String) throws(DeviceCatalogError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard let array = value.array else { throw wrongType(key, "an array of strings", value) }
        var strings: [String] = []
        for element in array {
            guard let string = element.string else {
                throw wrongType(key, "an array of strings", value, found: DeviceTable.describe(element.tomlValue))
            }
            strings.append(string)
        }
        return strings
    }

    /// An unsigned number written as an integer (`0x0400`, `1024`) or a hex string (`"0400"`, `"0x0400"`).
    ///
    /// - Parameters:
    ///   - digits: How many hex digits a string must have (4 for USB ids, 2 for endpoint addresses).
    ///   - expected: What to say was expected.
    func hex(_ key: String, digits: Int, expected: String) throws(DeviceCatalogError) -> UInt64? {
        guard let value = value(key) else { return nil }
        let limit = UInt64(1) << (4 * digits)
        if let integer = value.int {
            guard integer >= 0, UInt64(integer) < limit else {
                throw error(
                    .invalidValue, key, "expected \(expected), found the integer \(integer), which is out of range")
            }
            return UInt64(integer)
        }
        guard let string = value.string else { throw wrongType(key, expected, value) }
        var text = Substring(string)
        if text.hasPrefix("0x") || text.hasPrefix("0X") { text = text.dropFirst(2) }
        guard text.count == digits, text.allSatisfy(\.isHexDigit), let number = UInt64(text, radix: 16) else {
            throw error(.invalidValue, key, "expected \(expected), found \(DeviceTable.describe(value))")
        }
        return number
    }

    /// A sub-table, or `nil` when absent.
    func table(_ key: String) throws(DeviceCatalogError) -> DeviceTable? {
        guard let value = value(key) else { return nil }
        guard let table = value.table else { throw wrongType(key, "a table ([\(keyPath(key))])", value) }
        return DeviceTable(table: table, path: keyPath(key), file: file, locator: locator)
    }

    /// An array of tables (`[[key]]`), empty when absent; elements get paths counted from 1: `source[1]`.
    func tables(_ key: String) throws(DeviceCatalogError) -> [DeviceTable] {
        guard let value = value(key) else { return [] }
        guard let array = value.array else { throw wrongType(key, "an array of tables ([[\(keyPath(key))]])", value) }
        var tables: [DeviceTable] = []
        for (index, element) in array.enumerated() {
            let elementPath = "\(keyPath(key))[\(index + 1)]"
            guard let table = element.table else {
                throw DeviceCatalogError(
                    code: .wrongType, file: file, line: locator.line(of: keyPath(key)), key: elementPath,
                    message: "expected a table ([[\(keyPath(key))]]), found \(DeviceTable.describe(element.tomlValue))")
            }
            tables.append(DeviceTable(table: table, path: elementPath, file: file, locator: locator))
        }
        return tables
    }

    /// The error for a required key that is absent.
    func missing(_ key: String, _ expected: String) -> DeviceCatalogError {
        error(.missingKey, key, "missing required key `\(key)` (expected \(expected))")
    }

    /// The error for a value of the wrong TOML type.
    func wrongType(_ key: String, _ expected: String, _ value: TOMLValue, found: String? = nil) -> DeviceCatalogError {
        error(.wrongType, key, "expected \(expected), found \(found ?? DeviceTable.describe(value))")
    }

    /// A technician-readable description of a value: its type and a short rendering.
    static func describe(_ value: TOMLValue) -> String {
        switch value.type {
        case .string:
            return value.string.map { "\"\($0.count > 40 ? $0.prefix(40) + "…" : Substring($0))\"" } ?? "a string"
        case .int: return "an integer (\(value.int.map(String.init) ?? "?"))"
        case .double: return "a floating-point number (\(value.double.map { String($0) } ?? "?"))"
        case .bool: return "a boolean (\(value.bool.map(String.init) ?? "?"))"
        case .array: return "an array"
        case .table: return "a table"
        case .date, .time, .dateTime: return "a date or time"
        }
    }
}
