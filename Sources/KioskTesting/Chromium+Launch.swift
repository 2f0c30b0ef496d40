// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Chromium {
    /// Where `chromium` is installed: the first of `chromium` and `chromium-browser` on `PATH`, then
    /// `/usr/bin/chromium`; `nil` if none is.
    public static var executablePath: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let candidates =
            ["chromium", "chromium-browser"].flatMap { name in
                path.split(separator: ":").map { "\($0)/\(name)" }
            } + ["/usr/bin/chromium"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `chromium` is installed, for `@Test(.enabled(if: Chromium.isAvailable))`.
    public static var isAvailable: Bool { executablePath != nil }

    /// Starts a headless Chromium with a fresh temporary profile.
    /// - Parameters:
    ///   - width: The window and viewport width in CSS pixels.
    ///   - height: The window and viewport height in CSS pixels.
    ///   - commandTimeout: How long any single DevTools command, or a page load, may take; starting Chromium may take
    ///     up to 30 seconds or this, whichever is longer.
    /// - Returns: The running browser; call ``close()`` when done.
    /// - Throws: ``KioskTestingError`` with ``KioskTestingError/Code/chromiumNotFound`` if Chromium is not installed,
    ///   or ``KioskTestingError/Code/launchFailed`` with the tail of its log if it does not come up.
    public static func launch(
        width: Int = 1280,
        height: Int = 800,
        commandTimeout: Duration = .seconds(30)
    ) async throws -> Chromium {
        guard let executable = executablePath else {
            throw KioskTestingError(
                .chromiumNotFound,
                "no chromium on PATH or at /usr/bin/chromium; install it with `apt-get install chromium fonts-noto-cjk`"
            )
        }
        await BrowserSlots.shared.acquire()
        do {
            return try await start(executable: executable, width: width, height: height, commandTimeout: commandTimeout)
        } catch {
            BrowserSlots.shared.release()
            throw error
        }
    }

    private static func start(
        executable: String, width: Int, height: Int, commandTimeout: Duration
    ) async throws -> Chromium {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kioskd-chromium-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logPath = directory.appendingPathComponent("chromium.log").path

        guard let (ours, theirs) = system_socketPair() else {
            try? FileManager.default.removeItem(at: directory)
            throw KioskTestingError(.launchFailed, "socketpair: \(system_errorText(errno))")
        }
        // Above 4, so that the dup2 to 3 and 4 in the child never overwrites its own source.
        let childEnd = system_moveAbove(theirs, minimum: 10)
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn(
                executable: executable,
                arguments: arguments(width: width, height: height, profile: directory.path),
                environment: environment(profile: directory.path),
                descriptors: [(child: 3, parent: childEnd), (child: 4, parent: childEnd)],
                outputPath: logPath
            )
        } catch {
            system_close(ours)
            system_close(childEnd)
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        system_close(childEnd)

        let connection = DevToolsConnection(socket: ours, logPath: logPath)
        do {
            // Starting takes a second or two, more on a loaded CI machine, whatever the command timeout.
            let info = try await connection.send("Browser.getVersion", timeout: max(commandTimeout, .seconds(30)))
            return Chromium(
                width: width,
                height: height,
                version: info["product"]?.stringValue ?? "unknown",
                commandTimeout: commandTimeout,
                process: process,
                connection: connection,
                directory: directory
            )
        } catch {
            process.killAndReap()
            connection.shutDown()
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)).map { String($0.suffix(2_000)) } ?? ""
            try? FileManager.default.removeItem(at: directory)
            throw KioskTestingError(
                .launchFailed, "\(executable) did not answer on the DevTools pipe: \(error)\n\(log)")
        }
    }

    private static func arguments(width: Int, height: Int, profile: String) -> [String] {
        [
            "--headless=new",
            "--no-sandbox",  // Root in a container: the setuid and namespace sandboxes are unavailable.
            "--disable-gpu",
            "--disable-dev-shm-usage",  // Containers often have a 64 MB /dev/shm.
            "--remote-debugging-pipe",
            "--user-data-dir=\(profile)",
            "--window-size=\(width),\(height)",
            "--lang=zh-CN",  // Picks the Simplified Chinese glyphs of Noto CJK for text without a lang attribute.
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-breakpad",
            "--disable-features=Translate,MediaRouter,OptimizationHints",
            "--password-store=basic",  // No keyring, no D-Bus.
            "--use-mock-keychain",
            "--hide-scrollbars",
            "--mute-audio",
            "--noerrdialogs",
            "about:blank",
        ]
    }

    private static func environment(profile: String) -> [String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"  // There is no session bus; do not look for one.
        environment["XDG_CONFIG_HOME"] = profile
        environment["XDG_CACHE_HOME"] = profile
        environment["HOME"] = environment["HOME"] ?? profile
        return environment.map { "\($0.key)=\($0.value)" }
    }
}
