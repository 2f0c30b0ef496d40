// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting

/// A private cupsd for the `kioskd printer setup` tests, configured exactly as the research notes' tested setup
/// (printing-cups.md §2.1) in a temporary directory, on a free loopback port, with a capture backend named
/// `kioskd` standing in for kioskd's own backend.
///
/// The capture backend writes each job to `out/job-<id>.bin` and its device URI to `out/job-<id>.uri`.
final class PrinterSetupCUPSServer {
    /// `127.0.0.1:<port>`, for `CUPS_SERVER`.
    let address: String
    /// The server's root directory.
    let root: URL
    private let process: Process

    /// Whether a private cupsd can run here: cupsd installed, and root (cupsd checks its files' ownership).
    static var isAvailable: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/cupsd")
            && FileManager.default.isExecutableFile(atPath: "/usr/sbin/lpadmin")
    }

    /// The capture backend (backend(7)): discovery without arguments, else the job from stdin or argv[6].
    private static let captureBackend = """
        #!/bin/sh
        if [ $# -eq 0 ]; then echo 'direct kioskd "Unknown" "kioskd capture backend"'; exit 0; fi
        out="$(dirname "$0")/../../out"
        printf '%s' "$DEVICE_URI" > "$out/job-$1.uri"
        if [ -n "$6" ]; then cat "$6" > "$out/job-$1.bin"; else cat > "$out/job-$1.bin"; fi
        echo 'STATE: -media-empty-error'
        exit 0
        """

    /// Writes the configuration, starts cupsd and waits until `lpstat -r` says it is running.
    init() async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-cups-\(UUID().uuidString)")
        let port = try FreePort.find()
        address = "127.0.0.1:\(port)"
        let manager = FileManager.default
        for directory in ["etc/ppd", "etc/ssl", "bin/backend", "spool/tmp", "log", "cache", "state", "out"] {
            try manager.createDirectory(
                at: root.appendingPathComponent(directory), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755])
        }
        for link in ["daemon", "filter", "cgi-bin", "notifier", "monitor"] {
            try manager.createSymbolicLink(
                atPath: root.appendingPathComponent("bin/\(link)").path, withDestinationPath: "/usr/lib/cups/\(link)")
        }
        let backend = root.appendingPathComponent("bin/backend/kioskd")
        try Data(Self.captureBackend.utf8).write(to: backend)
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: backend.path)
        let path = root.path
        let cupsdConf = """
            Listen \(address)
            Listen \(path)/cupsd.sock
            Browsing Off
            BrowseLocalProtocols none
            DefaultAuthType None
            WebInterface No
            LogLevel debug
            MaxLogSize 0
            JobRetryInterval 5
            JobRetryLimit 3
            PreserveJobHistory Yes
            <Location />
              Order allow,deny
              Allow from 127.0.0.1
              Allow from @LOCAL
            </Location>
            <Policy default>
              <Limit All>
                Order deny,allow
              </Limit>
            </Policy>

            """
        let filesConf = """
            ServerRoot \(path)/etc
            StateDir \(path)/state
            CacheDir \(path)/cache
            RequestRoot \(path)/spool
            TempDir \(path)/spool/tmp
            ServerBin \(path)/bin
            DataDir /usr/share/cups
            DocumentRoot /usr/share/cups/doc-root
            AccessLog \(path)/log/access_log
            ErrorLog \(path)/log/error_log
            PageLog \(path)/log/page_log
            Printcap \(path)/printcap
            FileDevice Yes
            Sandboxing Relaxed
            SystemGroup root

            """
        try Data(cupsdConf.utf8).write(to: root.appendingPathComponent("etc/cupsd.conf"))
        try Data(filesConf.utf8).write(to: root.appendingPathComponent("etc/cups-files.conf"))

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/cupsd")
        process.arguments = ["-f", "-c", "\(path)/etc/cupsd.conf", "-s", "\(path)/etc/cups-files.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let address = address
        let running = await waitUntil(seconds: 20) {
            (try? await runWithTimeout("/usr/bin/lpstat", ["-r"], environment: ["CUPS_SERVER": address]))?.output
                .contains("scheduler is running") == true
        }
        guard running else {
            stop()
            throw KioskTestingError(.launchFailed, "the private cupsd did not start; see \(path)/log/error_log")
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// Stops cupsd and waits for it to exit. SIGKILL, because a child started from a test thread inherits that
    /// thread's blocked signals, SIGTERM among them; the server's state is thrown away anyway.
    private func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Runs a CUPS client program against this server; returns its status and combined output.
    func run(_ program: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await runWithTimeout(program, arguments, environment: ["CUPS_SERVER": address])
    }

    /// The contents of a file under the server's root, if it exists.
    func file(_ relativePath: String) -> Data? {
        FileManager.default.contents(atPath: root.appendingPathComponent(relativePath).path)
    }

    /// The value of a printer attribute as cupsd reports it to `ipptool`, e.g. `retry-current-job`.
    func printerAttribute(_ name: String, queue: String) async throws -> String? {
        let test = root.appendingPathComponent("get-\(name).test")
        let request = """
            {
              OPERATION Get-Printer-Attributes
              GROUP operation-attributes-tag
              ATTR charset attributes-charset utf-8
              ATTR naturalLanguage attributes-natural-language en
              ATTR uri printer-uri $uri
              ATTR keyword requested-attributes \(name)
              STATUS successful-ok
            }

            """
        try Data(request.utf8).write(to: test)
        let result = try await run("/usr/bin/ipptool", ["-tv", "ipp://\(address)/printers/\(queue)", test.path])
        let line = result.output.split(separator: "\n").first {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " (")
        }
        return line?.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// Runs a program with extra environment variables (60 s at most); returns its status and combined output.
func runWithTimeout(
    _ program: String, _ arguments: [String], environment: [String: String]
) async throws -> (status: Int32, output: String) {
    let outcome = try await ProcessRunner.run(URL(fileURLWithPath: program), arguments, environment: environment)
    return (outcome.status, outcome.outputText + outcome.errorText)
}

/// Polls `condition` every 100 ms until it holds or `seconds` pass; returns whether it held.
func waitUntil(seconds: TimeInterval, _ condition: () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(100))
    }
    return await condition()
}
