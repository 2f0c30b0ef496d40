// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Menu

#if canImport(Glibc)
    import Glibc
#endif

/// A program running in a private tmux server, driven the way a kiosk's terminal drives it: taps as SGR mouse
/// reports, keys as bytes, and the screen read back as text (`capture-pane`).
///
/// Each session has its own tmux socket, so tests in parallel never see each other. The window has a fixed
/// size and no status line, so the program sees exactly `columns` × `rows`.
public final class TmuxSession: Sendable {
    /// The tmux socket name (`tmux -L`).
    public let socket: String
    /// The terminal size the program sees.
    public let columns: Int
    /// The rows.
    public let rows: Int
    private static let tmux = URL(fileURLWithPath: "/usr/bin/tmux")

    /// Starts `command` in a new detached session of `columns` × `rows`.
    /// - Parameters:
    ///   - command: The program and its arguments.
    ///   - columns: Columns.
    ///   - rows: Rows.
    ///   - environment: Variables the program gets (`LANG` is `C.UTF-8` unless given).
    /// - Throws: ``KioskTestingError`` `launchFailed` when tmux cannot start it.
    public init(command: [String], columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]) async throws {
        socket = "kioskd-test-\(UUID().uuidString.prefix(8))"
        self.columns = columns
        self.rows = rows
        let variables = ["LANG": "C.UTF-8", "TERM": "xterm-256color"].merging(environment) { $1 }
        let exports = variables.map { "\($0.key)=\(Self.quoted($0.value))" }.sorted().joined(separator: " ")
        let shell = "exec env \(exports) " + command.map(Self.quoted).joined(separator: " ")
        // The tmux server stays behind as a daemon: it must not inherit the runner's pipes, whose end of file
        // the runner waits for, nor the descriptor Foundation's Process watches to see the child exit. So it
        // starts with its output on /dev/null and every other inherited descriptor closed.
        let start = [
            Self.tmux.path, "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "kiosk", "-x", "\(columns)", "-y", "\(rows)",
            "/bin/sh", "-c", shell,
        ].map(Self.quoted).joined(separator: " ")
        let started = try await ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"),
            [
                "-c",
                "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done 2>/dev/null; "
                    + start + " </dev/null >/dev/null 2>/tmp/\(socket).err; status=$?; cat /tmp/\(socket).err >&2; "
                    + "rm -f /tmp/\(socket).err; exit $status",
            ],
            environment: ["LANG": "C.UTF-8"], timeout: .seconds(20))
        guard started.status == 0 else {
            throw KioskTestingError(.launchFailed, "tmux did not start: \(started.errorText)")
        }
        for option in [["set", "-g", "status", "off"], ["set", "-g", "window-size", "manual"], ["set", "-g", "remain-on-exit", "on"]] {
            _ = try await run(option)
        }
    }

    /// Runs `body` with a new session and ends the session afterwards, also when `body` throws.
    /// - Parameters:
    ///   - command: The program and its arguments.
    ///   - columns: Columns.
    ///   - rows: Rows.
    ///   - environment: Variables the program gets.
    ///   - body: What to do with the session.
    /// - Returns: What `body` returns.
    public static func with<T: Sendable>(
        command: [String], columns: Int = 80, rows: Int = 24, environment: [String: String] = [:],
        _ body: (TmuxSession) async throws -> T
    ) async throws -> T {
        let session = try await TmuxSession(command: command, columns: columns, rows: rows, environment: environment)
        do {
            let result = try await body(session)
            await session.kill()
            return result
        } catch {
            await session.kill()
            throw error
        }
    }

    /// Taps a cell (0-based): an SGR press and release, as xterm sends for a touch.
    public func tap(column: Int, row: Int) async throws {
        let report = "\u{1B}[<0;\(column + 1);\(row + 1)M\u{1B}[<0;\(column + 1);\(row + 1)m"
        _ = try await run(["send-keys", "-t", "kiosk", "-l", report])
    }

    /// Types text literally (digits of a keypad, letters).
    public func type(_ text: String) async throws {
        _ = try await run(["send-keys", "-t", "kiosk", "-l", text])
    }

    /// Presses named keys (`Enter`, `BSpace`, `Escape`).
    public func press(_ keys: String...) async throws {
        _ = try await run(["send-keys", "-t", "kiosk"] + keys)
    }

    /// The screen as text, one string per row (wide characters once).
    public func screen() async throws -> [String] {
        try await run(["capture-pane", "-t", "kiosk", "-p"]).outputText.components(separatedBy: "\n").dropLast().map { $0 }
    }

    /// The screen with its colours as SGR sequences (`capture-pane -e`), for golden files and colour checks.
    public func styledScreen() async throws -> String {
        try await run(["capture-pane", "-t", "kiosk", "-p", "-e"]).outputText
    }

    /// Waits until the screen shows `text`.
    /// - Parameters:
    ///   - text: What must appear.
    ///   - timeout: How long to wait.
    /// - Returns: The screen that showed it.
    /// - Throws: ``KioskTestingError`` `timeout` with the last screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(30)) async throws -> [String] {
        try await waitUntil(timeout: timeout, "the screen to show \"\(text)\"") { screen in
            screen.contains { $0.contains(text) }
        }
    }

    /// Waits until the screen satisfies `condition`.
    @discardableResult
    public func waitUntil(
        timeout: Duration = .seconds(30), _ what: String, _ condition: ([String]) -> Bool
    ) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        var last: [String] = []
        while ContinuousClock.now < deadline {
            last = try await screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw KioskTestingError(.timeout, "waited for \(what); the screen was:\n" + last.joined(separator: "\n"))
    }

    /// The first cell (0-based) where `text` is shown, to tap it.
    public func locate(_ text: String) async throws -> (column: Int, row: Int)? {
        for (row, line) in try await screen().enumerated() {
            guard let range = line.range(of: text) else { continue }
            let column = line[line.startIndex..<range.lowerBound].terminalWidth
            return (column, row)
        }
        return nil
    }

    /// Taps the middle of the first place that shows `text`.
    /// - Throws: ``KioskTestingError`` `noPage` when the screen does not show it.
    public func tap(_ text: String) async throws {
        guard let (column, row) = try await locate(text) else {
            throw KioskTestingError(.noPage, "nothing on the screen says \"\(text)\":\n" + (try await screen()).joined(separator: "\n"))
        }
        try await tap(column: column + text.terminalWidth / 2, row: row)
    }

    /// Whether the program is still running.
    public func isRunning() async throws -> Bool {
        try await run(["display-message", "-t", "kiosk", "-p", "#{pane_dead}"]).outputText.hasPrefix("0")
    }

    /// Ends the session and its tmux server. The server is killed by its process id: a tmux server holding a
    /// raw-mode pane does not always leave on `kill-server`.
    public func kill() async {
        if let pid = try? await run(["display-message", "-p", "#{pid}"]).outputText.trimmingCharacters(in: .whitespacesAndNewlines),
            let number = Int32(pid), number > 1
        {
            Glibc.kill(number, SIGKILL)
        } else {
            _ = try? await run(["kill-server"])
        }
    }

    @discardableResult
    private func run(_ arguments: [String]) async throws -> ProcessRunner.Outcome {
        try await ProcessRunner.run(Self.tmux, ["-L", socket] + arguments, environment: ["LANG": "C.UTF-8"], timeout: .seconds(20))
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
