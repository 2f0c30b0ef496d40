// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A picture of what a person sees on the kiosk: the terminal a ``TmuxSession`` drives, shown by xterm on a
/// private X server (Xvfb) with the kiosk's fonts — a Latin face plus a CJK double-width face, as the kiosk
/// session in `systemd/` starts it — and saved as PNG.
public enum TerminalPicture {
    /// Whether Xvfb, xterm and ImageMagick's `import` are installed.
    public static var isAvailable: Bool {
        ["/usr/bin/Xvfb", "/usr/bin/xterm", "/usr/bin/import"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Saves a PNG of the session's screen: exactly xterm's window, `columns` × `rows` cells.
    /// - Parameters:
    ///   - session: The tmux session; an xterm attaches to it read-only.
    ///   - file: Where the PNG goes.
    ///   - fontSize: xterm's font size in points at 96 dpi; 26, as `systemd/kioskd-menu.service` sets it, gives
    ///     21 × 42-pixel cells, so 80 × 24 cells are 1680 × 1008 pixels, as on the kiosk's 1080p panel.
    /// - Throws: ``KioskTestingError`` `launchFailed` or `timeout`.
    public static func save(_ session: TmuxSession, to file: URL, fontSize: Int = 26) async throws {
        // Room for the window whatever the font: a cell is under one font size wide and two high.
        let display = try await startXvfb(width: session.columns * fontSize + 64, height: session.rows * fontSize * 2 + 64)
        do {
            try await photograph(session, on: display.name, to: file, fontSize: fontSize)
        } catch {
            await stop(display)
            throw error
        }
        await stop(display)
    }

    /// Shows the session in xterm on `display` and saves xterm's window.
    private static func photograph(_ session: TmuxSession, on display: String, to file: URL, fontSize: Int) async throws {
        let xterm = Process()
        xterm.executableURL = URL(fileURLWithPath: "/usr/bin/xterm")
        // The title names the window for `import`. TERM=xterm-256color for the tmux client: with plain `xterm`
        // tmux draws in 8 colours until the terminal has answered its queries, so the picture could show
        // yellow as red and the dark grey as black.
        let title = "kioskd-picture-\(session.socket)"
        xterm.arguments = [
            "-tn", "xterm-256color", "-T", title,
            "-geometry", "\(session.columns)x\(session.rows)+0+0", "-fa", "DejaVu Sans Mono", "-fd", "Noto Sans Mono CJK SC",
            "-fs", "\(fontSize)", "-bg", "black", "-fg", "white", "+sb", "-b", "0", "-e", "/usr/bin/tmux", "-L", session.socket,
            "attach", "-r", "-t", "kiosk",
        ]
        xterm.environment = ProcessInfo.processInfo.environment.merging(["DISPLAY": display, "LANG": "C.UTF-8"]) { $1 }
        xterm.standardError = FileHandle.nullDevice
        xterm.standardOutput = FileHandle.nullDevice
        try xterm.run()
        // xterm is killed outright: it stays up on SIGTERM while its tmux client is attached.
        defer { kill(xterm.processIdentifier, SIGKILL) }
        // xterm maps its window, tmux redraws the pane into it; give both a moment, then shoot.
        try await Task.sleep(for: .seconds(2))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let shot = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/import"), ["-window", title, file.path], environment: ["DISPLAY": display],
            timeout: .seconds(30))
        guard shot.status == 0 else { throw KioskTestingError(.launchFailed, "import failed: \(shot.errorText)") }
    }

    /// Starts Xvfb on a display it finds free itself (`-displayfd`, so stale sockets of crashed servers never
    /// run the numbers out), `width` × `height` at 96 dpi as the kiosk's X server.
    private static func startXvfb(width: Int, height: Int) async throws -> (name: String, process: Process) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/Xvfb")
        process.arguments = ["-displayfd", "1", "-screen", "0", "\(width)x\(height)x24", "-dpi", "96", "-nolisten", "tcp"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 15, execute: watchdog)
        // Xvfb writes the display number and a newline once it listens; end of file means it failed.
        let number: String? = await withCheckedContinuation { continuation in
            Thread {
                var text = ""
                while !text.contains("\n") {
                    let data = output.fileHandleForReading.availableData
                    guard !data.isEmpty else { break }
                    text += String(decoding: data, as: UTF8.self)
                }
                let line = text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
                continuation.resume(returning: line.flatMap { Int($0) }.map(String.init))
            }.start()
        }
        watchdog.cancel()
        guard let number else {
            kill(process.processIdentifier, SIGKILL)
            throw KioskTestingError(.launchFailed, "Xvfb did not start")
        }
        return (":\(number)", process)
    }

    /// Stops Xvfb with SIGTERM, so it removes its socket and lock file, and kills it if it lingers. Its socket
    /// going away says it is done (Foundation's `isRunning` may lag behind the exit).
    private static func stop(_ display: (name: String, process: Process)) async {
        let socket = "/tmp/.X11-unix/X" + display.name.dropFirst()
        kill(display.process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(2)
        while FileManager.default.fileExists(atPath: socket), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        kill(display.process.processIdentifier, SIGKILL)
    }
}
