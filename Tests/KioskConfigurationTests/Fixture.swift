// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Testing

/// Configuration texts and helpers shared by the tests.
enum Fixture {
    /// The smallest valid file: a name, one business, one window.
    static let minimal = """
        [hall]
        name = "测试大厅"

        [[business]]
        code = "social-security"
        name = "社保业务"
        prefix = "A"

        [[window]]
        id = "1"
        name = "1号窗口"
        businesses = ["social-security"]
        token = "window-1-secret"
        """

    /// Two businesses and two windows, to which tests append or in which they replace a line.
    static let twoOfEach = """
        [hall]
        name = "测试大厅"

        [[business]]
        code = "social-security"
        name = "社保业务"
        prefix = "A"

        [[business]]
        code = "medical-insurance"
        name = "医保业务"
        prefix = "B"

        [[window]]
        id = "1"
        name = "1号窗口"
        businesses = ["social-security"]
        token = "window-1-secret"

        [[window]]
        id = "2"
        name = "2号窗口"
        businesses = ["medical-insurance"]
        token = "window-2-secret"
        """

    /// `text` with the first line equal to `old` (ignoring surrounding spaces) replaced by `new`.
    static func replacing(_ old: String, with new: String, in text: String = twoOfEach, occurrence: Int = 1) -> String {
        var lines = text.components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == old }
        precondition(matches.count >= occurrence, "fixture has no line \(old)")
        lines[matches[occurrence - 1]] = new
        return lines.joined(separator: "\n")
    }

    /// The 1-based line number of the `occurrence`-th line containing `marker`.
    static func line(of marker: String, in text: String, occurrence: Int = 1) -> Int? {
        let lines = text.components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].contains(marker) }
        return matches.count >= occurrence ? matches[occurrence - 1] + 1 : nil
    }

    /// The error parsing `text` as `kioskd.toml` gives, recording a test issue when it parses.
    static func error(
        parsing text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ConfigurationError? {
        #expect(throws: ConfigurationError.self, sourceLocation: sourceLocation) {
            try KioskConfiguration.parse(text, source: "kioskd.toml")
        }
    }
}

/// A fresh temporary directory, removed after `body`.
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("kioskd-configuration-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    return try body(directory)
}

/// Writes `text` to `name` in `directory` and returns the file's path.
func write(_ text: String, to name: String, in directory: String) throws -> String {
    let path = directory + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
