// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real `kioskd run` (the demo hall, the emulated reader and printer) and a real `kioskd menu` talking to it
/// inside tmux, driven as a person drives the kiosk's screen: taps on the words a button shows, taps on the
/// keypad's digits, the card swiped on the emulated reader.
///
/// Every screen the test waits for is checked: it fits the terminal (no line wider than the columns, nothing
/// in the side margins), it shows no test card's clear name or ID number, and it is appended to `screens.log`
/// in the run directory, so the suite-wide personal-data scan reads what the screen showed.
final class MenuRig {
    /// Where the database, the log, the emulated printer's folder and the screens are.
    let directory: TestDirectory
    /// The daemon; replaced by ``restartDaemon()``.
    private(set) var daemon: DaemonProcess
    /// The terminal the menu runs in.
    let session: TmuxSession
    /// How many taps the test made, to count the taps a flow takes.
    private(set) var taps = 0

    /// The built-in `resident` test card's holder as the screen may show her: masked.
    static let maskedName = "王**"
    /// What the screen must never show: the test card's clear name and ID number.
    private static let clearCardData = ["王测试", "320102195608151233", "32010219560815123"]
    /// The title of the home screen.
    static let homeTitle = "政务服务自助取号"

    private init(directory: TestDirectory, daemon: DaemonProcess, session: TmuxSession) {
        self.directory = directory
        self.daemon = daemon
        self.session = session
    }

    /// Starts a daemon and the menu in a terminal of `columns` × `rows`, waits for the home screen, runs `body`,
    /// and ends both; the menu must still be running when `body` is done.
    /// - Parameters:
    ///   - name: The run directory's name.
    ///   - columns: The terminal's columns.
    ///   - rows: The terminal's rows.
    ///   - menuArguments: More `kioskd menu` options, e.g. `["--idle-seconds", "5"]`.
    ///   - body: The walk.
    static func with(
        _ name: String, columns: Int = 80, rows: Int = 24, menuArguments: [String] = [],
        _ body: (MenuRig) async throws -> Void
    ) async throws {
        // The width measure counts a Chinese character as two columns, else the checks below would be vacuous.
        try #require(Self.columns(of: "取号 A001") == 9)
        let directory = try TestDirectory("menu-\(name)")
        let daemon = try await startDaemon(in: directory)
        let command = [DaemonProcess.binary.path, "menu", "--server", daemon.baseURL.absoluteString] + menuArguments
        try await TmuxSession.with(command: command, columns: columns, rows: rows) { session in
            let rig = MenuRig(directory: directory, daemon: daemon, session: session)
            try await rig.see(homeTitle)
            try await body(rig)
            let last = try await session.screen().joined(separator: "\n")
            #expect(try await session.isRunning(), "the menu ended:\n\(last)")
            _ = try await rig.daemon.stop(signal: SIGTERM)
        }
    }

    /// `kioskd run` with the demo hall; `[printer] queue = "auto"` finds no cupsd (a closed port), so tickets and
    /// receipts go to the emulated printer's folder `printed/`.
    private static func startDaemon(in directory: TestDirectory, port: Int? = nil) async throws -> DaemonProcess {
        try await DaemonProcess(
            database: directory.file("k.sqlite"), logFile: directory.file("kioskd.log"), port: port,
            environment: ["CUPS_SERVER": "127.0.0.1:9"])
    }

    /// Stops the daemon (SIGTERM) and returns once it is gone; ``startDaemon()`` brings it back on the same port.
    func stopDaemon() async throws {
        #expect(try await daemon.stop(signal: SIGTERM) == 0)
    }

    /// Starts the daemon again on its port and database.
    func startDaemon() async throws {
        daemon = try await Self.startDaemon(in: directory, port: daemon.baseURL.port)
    }

    // MARK: The daemon's API

    /// A URL of the daemon's API.
    func url(_ path: String) -> URL { daemon.baseURL.appendingPathComponent(path) }

    /// Puts the emulator's built-in `resident` card (an elderly holder) on the reader.
    func swipeCard() async throws {
        let answer = try await HTTPClient.post(url("api/v1/emulator/card"), json: #"{"card": "resident"}"#)
        try #require(answer.status == 200, "the emulated card swipe answered \(answer.status)")
    }

    /// Takes the card away from the reader and waits until the reader has seen it go (`card_removed`), so
    /// that the next swipe is read as a new one.
    func removeCard() async throws {
        let port = try #require(daemon.baseURL.port)
        let stream = try await Self.offPool { try EventStreamReader(port: port) }
        defer { stream.close() }
        let answer = try await HTTPClient.post(url("api/v1/emulator/card"), json: #"{"card": null}"#)
        try #require(answer.status == 200, "taking the emulated card away answered \(answer.status)")
        _ = try await Self.offPool { try stream.next(event: "card_removed") }
    }

    /// Runs a blocking read (the event stream's socket, 10 s timeout) on a dispatch queue, off Swift's
    /// cooperative pool.
    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Puts the emulated printer in a condition (`paper_out`, `ready` …).
    func setPrinter(_ condition: String) async throws {
        let answer = try await HTTPClient.post(url("api/v1/emulator/printer"), json: #"{"condition": "\#(condition)"}"#)
        try #require(answer.status == 200, "the emulated printer answered \(answer.status)")
    }

    /// `GET /api/v1/tickets/{number}`.
    func ticket(_ number: String) async throws -> HTTPClient.Response {
        try await HTTPClient.get(url("api/v1/tickets/\(number)"))
    }

    // MARK: The screen

    /// Waits until the screen shows `text`, checks it, and returns it.
    @discardableResult
    func see(_ text: String, timeout: Duration = .seconds(30)) async throws -> [String] {
        let screen = try await session.waitFor(text, timeout: timeout)
        try check(screen)
        return screen
    }

    /// Waits until the screen no longer shows `text`, checks it, and returns it.
    @discardableResult
    func seeNo(_ text: String, timeout: Duration = .seconds(30)) async throws -> [String] {
        let screen = try await session.waitUntil(timeout: timeout, "the screen to stop showing \"\(text)\"") { screen in
            !screen.contains { $0.contains(text) }
        }
        try check(screen)
        return screen
    }

    /// The text after `prefix` on the screen's first line that has it, up to the next space.
    func word(after prefix: String, on screen: [String]) -> String? {
        for line in screen {
            guard let range = line.range(of: prefix) else { continue }
            return line[range.upperBound...].split(separator: " ").first.map(String.init)
        }
        return nil
    }

    /// A screen fits the terminal and shows no clear card data; it is kept in `screens.log`.
    private func check(_ screen: [String]) throws {
        let text = screen.joined(separator: "\n")
        #expect(screen.count == session.rows, "the screen has \(screen.count) rows, not \(session.rows):\n\(text)")
        let margin = session.columns >= 60 ? 2 : 1
        for (row, line) in screen.enumerated() {
            let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
            let width = Self.columns(of: trimmed)
            #expect(width <= session.columns, "row \(row) is \(width) columns wide, in \(session.columns):\n\(text)")
            // The title bar's words are centred; everything else keeps to the margins the layout leaves.
            #expect(width <= session.columns - margin, "row \(row) reaches into the right margin:\n\(text)")
        }
        for secret in Self.clearCardData {
            #expect(!text.contains(secret), "the screen shows a test card's data in clear")
        }
        let log = directory.file("screens.log")
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((text + "\n" + String(repeating: "-", count: session.columns) + "\n").utf8))
    }

    /// The columns glibc's `wcwidth` gives a line in `C.UTF-8` (CJK 2, ambiguous 1, as xterm counts by default):
    /// a measure independent of the menu's own width table. The locale is set for this thread only, around a
    /// synchronous loop; a character `wcwidth` does not know counts 1.
    static func columns(of line: String) -> Int {
        guard let wcwidth = system_wcwidth, let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else {
            Issue.record("glibc's wcwidth or the C.UTF-8 locale is missing")
            return line.unicodeScalars.count
        }
        defer { freelocale(locale) }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return line.unicodeScalars.reduce(0) { total, scalar in
            total + max(Int(wcwidth(Int32(bitPattern: scalar.value))), 1)
        }
    }

    /// glibc's `wcwidth(3)`, which the Glibc module does not import (it is behind `_XOPEN_SOURCE` in wchar.h).
    private static let system_wcwidth: (@convention(c) (Int32) -> Int32)? = dlsym(nil, "wcwidth").map {
        unsafeBitCast($0, to: (@convention(c) (Int32) -> Int32).self)
    }

    // MARK: Taps

    /// Waits until the screen shows `words`, then taps the middle of the last place that shows them: a button's
    /// label is below the sentences that mention it (「确认」 in 输完点「确认」).
    func tap(_ words: String) async throws {
        let screen = try await see(words)
        for (row, line) in screen.enumerated().reversed() {
            guard let range = line.range(of: words, options: .backwards) else { continue }
            let column = Self.columns(of: String(line[..<range.lowerBound]))
            try await session.tap(column: column + Self.columns(of: words) / 2, row: row)
            taps += 1
            return
        }
        throw KioskTestingError(.noPage, "no \"\(words)\" to tap")
    }

    /// Waits for the on-screen keypad (two rows of buttons, `1 2 3 4 5` and `6 7 8 9 0`) and taps digits on it.
    func tapKeypad(_ digits: String) async throws {
        let screen = try await session.waitUntil("the keypad") { Self.keypadRows(on: $0).count == 2 }
        try check(screen)
        let rows = Self.keypadRows(on: screen)
        for digit in digits {
            guard let (row, line) = rows.first(where: { $0.line.contains(digit) }), let index = line.firstIndex(of: digit)
            else {
                throw KioskTestingError(.noPage, "no keypad key \(digit)")
            }
            try await session.tap(column: Self.columns(of: String(line[..<index])), row: row)
            taps += 1
        }
    }

    /// The rows of a screen that hold five keypad digits and nothing else.
    private static func keypadRows(on screen: [String]) -> [(row: Int, line: String)] {
        screen.enumerated().filter { _, line in
            let words = line.split(separator: " ")
            return words.count == 5 && words.allSatisfy { $0.count == 1 && $0.first?.isNumber == true }
        }.map { (row: $0.offset, line: $0.element) }
    }
}
