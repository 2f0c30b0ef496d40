// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import TOMLKit

/// Typed, checked access to one TOML table, turning every mismatch into a ``ConfigurationError`` at its key path.
struct TableReader {
    /// The table read.
    let table: TOMLTable
    /// The table's key path, e.g. `business[2]`; empty for the document root.
    let path: String
    /// The file and line finder.
    let context: ParseContext

    /// The full key path of a key in this table.
    func keyPath(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// An error at a key of this table, or at the table itself when `key` is `nil`.
    func error(_ code: ConfigurationError.Code, _ key: String?, _ message: String) -> ConfigurationError {
        context.error(code, at: key.map(keyPath) ?? (path.isEmpty ? nil : path), message)
    }

    /// Refuses keys the schema does not know, suggesting the nearest known one.
    ///
    /// When several keys are unknown, the one written first in the file is reported.
    func rejectUnknownKeys(allowed: [String]) throws(ConfigurationError) {
        let unknown = table.keys.filter { !allowed.contains($0) }
        let first = unknown.min {
            (context.locator.line(of: keyPath($0)) ?? .max) < (context.locator.line(of: keyPath($1)) ?? .max)
        }
        guard let key = first else { return }
        if let suggestion = KeySuggestion.nearest(to: key, in: allowed) {
            throw error(.unknownKey, key, "unknown key; did you mean `\(suggestion)`?")
        }
        let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
        throw error(.unknownKey, key, "unknown key; expected one of \(list)")
    }

    /// The raw value of a key, if present.
    func value(_ key: String) -> TOMLValue? {
        table[key]?.tomlValue
    }

    /// A string value, or `nil` when absent.
    ///
    /// - Parameter secret: When `true`, a wrong value is described by its type only, never shown.
    func string(_ key: String, secret: Bool = false) throws(ConfigurationError) -> String? {
        guard let value = value(key) else { return nil }
        guard let string = value.string else { throw wrongType(key, "a string", value, secret: secret) }
        return string
    }

    /// A string value that must be present and not empty.
    func requiredString(_ key: String) throws(ConfigurationError) -> String {
        guard let string = try string(key) else { throw missing(key, "a string") }
        guard !string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error(.invalidValue, key, "expected a non-empty string, found \"\"")
        }
        return string
    }

    /// An integer value, or `nil` when absent; `range` bounds it.
    func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = value(key) else { return nil }
        guard let integer = value.int else { throw wrongType(key, "an integer", value) }
        guard range.contains(integer) else { throw outOfRange(key, range, found: String(integer)) }
        return integer
    }

    /// A number (integer or floating point), or `nil` when absent.
    func number(_ key: String) throws(ConfigurationError) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = TableReader.number(value) else { throw wrongType(key, "a number", value) }
        return number
    }

    /// A boolean value, or `nil` when absent.
    func bool(_ key: String) throws(ConfigurationError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else { throw wrongType(key, "true or false", value) }
        return bool
    }

    /// An array value, or `nil` when absent.
    func array(_ key: String, of expected: String) throws(ConfigurationError) -> TOMLArray? {
        guard let value = value(key) else { return nil }
        guard let array = value.array else { throw wrongType(key, expected, value) }
        return array
    }

    /// An array of strings, or `nil` when absent.
    func strings(_ key: String) throws(ConfigurationError) -> [String]? {
        guard let array = try array(key, of: "an array of strings") else { return nil }
        var strings: [String] = []
        for (index, element) in array.enumerated() {
            guard let string = element.string else {
                throw wrongType("\(key)[\(index + 1)]", "a string", element.tomlValue)
            }
            strings.append(string)
        }
        return strings
    }

    /// An array of numbers (integers or floating point), or `nil` when absent.
    func numbers(_ key: String) throws(ConfigurationError) -> [Double]? {
        guard let array = try array(key, of: "an array of numbers") else { return nil }
        var numbers: [Double] = []
        for (index, element) in array.enumerated() {
            guard let number = TableReader.number(element.tomlValue) else {
                throw wrongType("\(key)[\(index + 1)]", "a number", element.tomlValue)
            }
            numbers.append(number)
        }
        return numbers
    }

    /// A sub-table, or `nil` when absent.
    func table(_ key: String) throws(ConfigurationError) -> TableReader? {
        guard let value = value(key) else { return nil }
        guard let table = value.table else { throw wrongType(key, "a table ([\(keyPath(key))])", value) }
        return TableReader(table: table, path: keyPath(key), context: context)
    }

    /// An array of tables (`[[key]]`); empty when absent. Elements get paths counted from 1: `business[1]`.
    func tables(_ key: String) throws(ConfigurationError) -> [TableReader] {
        guard let value = value(key) else { return [] }
        guard let array = value.array else { throw wrongType(key, "an array of tables ([[\(keyPath(key))]])", value) }
        var tables: [TableReader] = []
        for (index, element) in array.enumerated() {
            let elementPath = "\(keyPath(key))[\(index + 1)]"
            guard let table = element.table else {
                throw context.error(
                    .wrongType, at: elementPath, "expected a table, found \(TableReader.describe(element.tomlValue))")
            }
            tables.append(TableReader(table: table, path: elementPath, context: context))
        }
        return tables
    }

    /// The error for a required key that is absent.
    func missing(_ key: String, _ expected: String) -> ConfigurationError {
        error(.missingKey, key, "missing required key `\(key)` (expected \(expected))")
    }

    /// The error for a value of the wrong TOML type.
    func wrongType(_ key: String, _ expected: String, _ value: TOMLValue, secret: Bool = false) -> ConfigurationError {
        error(.wrongType, key, "expected \(expected), found \(TableReader.describe(value, secret: secret))")
    }

    /// The error for a number outside its allowed range.
    func outOfRange(_ key: String, _ range: ClosedRange<Int>, found: String) -> ConfigurationError {
        let expected =
            range.upperBound == .max
            ? "an integer ≥ \(range.lowerBound)" : "an integer from \(range.lowerBound) to \(range.upperBound)"
        return error(.invalidValue, key, "expected \(expected), found \(found)")
    }

    /// A number from an integer or floating-point value.
    static func number(_ value: TOMLValue) -> Double? {
        value.double ?? value.int.map(Double.init)
    }

    /// A technician-readable description of a value: its type and, unless secret, a short rendering.
    static func describe(_ value: TOMLValue, secret: Bool = false) -> String {
        let kind: String
        let shown: String?
        switch value.type {
        case .string:
            kind = "a string"
            shown = value.string.map { quoted($0) }
        case .int:
            kind = "an integer"
            shown = value.int.map(String.init)
        case .double:
            kind = "a floating-point number"
            shown = value.double.map { String($0) }
        case .bool:
            kind = "a boolean"
            shown = value.bool.map(String.init)
        case .array: kind = "an array"; shown = nil
        case .table: kind = "a table"; shown = nil
        case .date, .time, .dateTime:
            kind = "a date or time"
            shown = value.debugDescription
        }
        guard let shown, !secret else { return kind }
        return kind == "a string" ? shown : "\(kind) (\(shown))"
    }

    /// A string in double quotes, cut after 40 characters unless `whole` (file paths are never cut).
    static func quoted(_ text: String, whole: Bool = false) -> String {
        let cut = text.count > 40 && !whole ? text.prefix(40) + "…" : Substring(text)
        return "\"\(cut)\""
    }
}
