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

    /// Saves a PNG of the session's screen.
    /// - Parameters:
    ///   - session: The tmux session; an xterm attaches to it read-only.
    ///   - file: Where the PNG goes.
    ///   - fontSize: xterm's font size in points (20 gives about 16×32-pixel cells).
    /// - Throws: ``KioskTestingError`` `launchFailed` or `timeout`.
    public static func save(_ session: TmuxSession, to file: URL, fontSize: Int = 20) async throws {
        let display = try await startXvfb()
        defer { kill(display.process.processIdentifier, SIGKILL) }
        let xterm = Process()
        xterm.executableURL = URL(fileURLWithPath: "/usr/bin/xterm")
        xterm.arguments = [
            "-geometry", "\(session.columns)x\(session.rows)+0+0", "-fa", "DejaVu Sans Mono", "-fd", "Noto Sans Mono CJK SC",
            "-fs", "\(fontSize)", "-bg", "black", "-fg", "white", "+sb", "-b", "0", "-tn", "xterm-256color", "-e", "/usr/bin/tmux",
            "-2", "-L", session.socket, "attach", "-r", "-t", "kiosk",
        ]
        xterm.environment = ProcessInfo.processInfo.environment.merging(["DISPLAY": display.name, "LANG": "C.UTF-8"]) { $1 }
        xterm.standardError = FileHandle.nullDevice
        xterm.standardOutput = FileHandle.nullDevice
        try xterm.run()
        // xterm and Xvfb are killed outright: xterm stays up on SIGTERM while its tmux client is attached.
        defer { kill(xterm.processIdentifier, SIGKILL) }
        // xterm maps its window, tmux redraws the pane into it; give both a moment, then shoot.
        try await Task.sleep(for: .seconds(2))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // The xterm window alone when xdotool can name it, else the whole screen.
        let window = try? await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/xdotool"), ["search", "--class", "xterm"], environment: ["DISPLAY": display.name],
            timeout: .seconds(10)
        ).outputText.split(separator: "\n").first.map(String.init)
        let shot = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/import"), ["-window", window ?? "root", file.path], environment: ["DISPLAY": display.name],
            timeout: .seconds(30))
        guard shot.status == 0 else { throw KioskTestingError(.launchFailed, "import failed: \(shot.errorText)") }
    }

    /// Starts Xvfb on the first free display from :140, 1920×1080 like a kiosk's panel.
    private static func startXvfb() async throws -> (name: String, process: Process) {
        for number in 140..<200 where !FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(number)") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/Xvfb")
            process.arguments = [":\(number)", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"]
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline, process.isRunning {
                if FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(number)") { return (":\(number)", process) }
                try await Task.sleep(for: .milliseconds(50))
            }
            process.terminate()
        }
        throw KioskTestingError(.launchFailed, "no free X display for Xvfb")
    }
}
