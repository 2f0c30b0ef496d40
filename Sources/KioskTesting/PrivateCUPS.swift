// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A private cupsd for tests: its own temporary ServerRoot, a free loopback port, no system CUPS touched.
///
/// The backend directory holds the `capture` backend (a 0700 script that keeps each job's bytes, see
/// ``capturedJobs(queue:)`` and ``setCaptureFault(queue:_:)``), symlinks to the stock `ipp`, `socket` and
/// `usb` backends, and, when asked, the built `kioskd-cups-backend` installed as `kioskd`. Backends that are
/// 0700 and root-owned run as root (man 7 backend), so they can write the output directory and open ptys.
/// Needs root. Clients reach it through ``server`` (libcups' `cupsSetServer` is per-thread, so pass it
/// explicitly) or ``environment`` for the command-line tools.
public final class PrivateCUPS: @unchecked Sendable {
    /// What serves `kioskd:` device URIs in the private cupsd.
    public enum KioskdScheme: Sendable {
        /// Nothing: a `kioskd:` queue cannot print.
        case none
        /// The built `kioskd-cups-backend`, run as root like an installed one.
        case kioskdBackend
        /// The capture backend, keeping jobs under the device path's last component.
        case capture
    }

    // @unchecked Sendable: `process` is a pid, only signalled and reaped; everything else is immutable.

    /// The temporary root (`etc/`, `bin/`, `spool/`, `log/`, `out/`).
    public let root: URL
    /// The TCP port cupsd listens on, on 127.0.0.1.
    public let port: Int
    /// cupsd, in its own process group with default signal handling (a `Process` started from a test's
    /// worker thread inherits its blocked signals, and cupsd would then ignore `SIGTERM`).
    private let process: ChildProcess

    /// Seconds between retries of a job whose backend exited RETRY.
    public static let retryIntervalSeconds = 2

    /// The server string for clients: `127.0.0.1:PORT`.
    public var server: String { "127.0.0.1:\(port)" }

    /// The environment for `lp`, `lpadmin`, `lpstat`, `cupsenable`: this process's own with `CUPS_SERVER`.
    public var environment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["CUPS_SERVER": server]) { _, ours in ours }
    }

    /// Where the capture backend writes: `out/NAME/job-ID.bin`.
    public var outputDirectory: URL { root.appendingPathComponent("out") }

    /// The `kioskd-cups-backend` binary built by `swift build`, found from this source file's location.
    public static var kioskdBackendBinary: URL {
        let build = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build").standardized
        for configuration in ["debug", "release"] {
            let candidate = build.appendingPathComponent("\(configuration)/kioskd-cups-backend")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return build.appendingPathComponent("debug/kioskd-cups-backend")
    }

    /// Writes the configuration, starts `cupsd -f` and waits until it takes connections.
    /// - Parameter kioskdScheme: What serves `kioskd:` device URIs: nothing, the built `kioskd-cups-backend`,
    ///   or the capture backend (to see what `kioskd printer setup` configured without a printer).
    /// - Throws: ``KioskTestingError/Code/launchFailed`` (with the error log) or ``KioskTestingError/Code/timeout``.
    public init(kioskdScheme: KioskdScheme = .none) async throws {
        port = try FreePort.find()
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kioskd-cups-\(UUID().uuidString)")
        try Self.layOut(root: root, port: port, kioskdScheme: kioskdScheme)
        let log = root.appendingPathComponent("log/cupsd.out")
        process = try ChildProcess.spawn(
            executable: "/usr/sbin/cupsd",
            arguments: [
                "-f", "-c", root.appendingPathComponent("etc/cupsd.conf").path,
                "-s", root.appendingPathComponent("etc/cups-files.conf").path,
            ],
            environment: ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" },
            descriptors: [], outputPath: log.path)
        let deadline = ContinuousClock.now + .seconds(20)
        while !Self.acceptsConnections(port: port) {
            guard !process.reapIfExited() else {
                throw KioskTestingError(.launchFailed, "cupsd exited: \(errorLog())")
            }
            guard ContinuousClock.now < deadline else {
                process.killAndReap()
                throw KioskTestingError(.timeout, "cupsd did not listen within 20 s: \(errorLog())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    deinit {
        if !process.reapIfExited() { process.killAndReap() }
    }

    /// Creates a raw queue with `lpadmin -p NAME -E -v URI -m raw`, plus any extra `lpadmin` arguments.
    /// - Parameters:
    ///   - name: The queue name.
    ///   - deviceURI: E.g. `capture:/NAME` or `kioskd:/dev/pts/3`.
    ///   - options: More `lpadmin` arguments, e.g. `["-o", "printer-error-policy=retry-job"]`.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` when `lpadmin` fails.
    public func addQueue(_ name: String, deviceURI: String, options: [String] = []) async throws {
        try await checked("lpadmin", ["-p", name, "-E", "-v", deviceURI, "-m", "raw"] + options)
    }

    /// Runs a CUPS command-line tool against this cupsd and fails on a non-zero exit.
    /// - Parameters:
    ///   - tool: `lpadmin`, `cupsenable`, `lpstat`, `lpinfo`…, found in `/usr/sbin` or `/usr/bin`.
    ///   - arguments: Its arguments.
    /// - Returns: Its standard output and error.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` with the output and the error log.
    @discardableResult
    public func checked(_ tool: String, _ arguments: [String]) async throws -> String {
        let (status, output) = try await run(tool, arguments)
        guard status == 0 else {
            throw KioskTestingError(.launchFailed, "\(tool) \(arguments) exited \(status): \(output)\n\(errorLog())")
        }
        return output
    }

    /// Runs a CUPS command-line tool against this cupsd.
    /// - Parameters:
    ///   - tool: The tool's name.
    ///   - arguments: Its arguments.
    /// - Returns: The exit status and the standard output and error.
    /// - Throws: ``KioskTestingError/Code/launchFailed`` when it cannot start, ``KioskTestingError/Code/timeout``
    ///   after 30 s.
    public func run(_ tool: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let executable = ["/usr/sbin/", "/usr/bin/"].map { $0 + tool }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? tool
        let outcome = try await ProcessRunner.run(
            URL(fileURLWithPath: executable), arguments, environment: ["CUPS_SERVER": server], timeout: .seconds(30))
        return (outcome.status, outcome.outputText + outcome.errorText)
    }

    /// The jobs the capture backend kept for a `capture:/NAME` queue, by job id.
    /// - Parameter queue: The NAME of the device URI.
    /// - Returns: Each job's bytes, keyed by job id.
    public func capturedJobs(queue: String) -> [Int: [UInt8]] {
        let directory = outputDirectory.appendingPathComponent(queue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var jobs: [Int: [UInt8]] = [:]
        for name in names where name.hasPrefix("job-") && name.hasSuffix(".bin") {
            guard let id = Int(name.dropFirst(4).dropLast(4)),
                let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
            else { continue }
            jobs[id] = [UInt8](data)
        }
        return jobs
    }

    /// The device URI cupsd gave the capture backend for a job, e.g. `kioskd:/dev/usb/lp0?status=dle-eot`.
    /// - Parameters:
    ///   - queue: The NAME the job was kept under (the last path component of the URI, without its query).
    ///   - job: The job id.
    /// - Returns: The URI, or `nil` when the job has not been kept (yet).
    public func capturedDeviceURI(queue: String, job: Int) -> String? {
        let file = outputDirectory.appendingPathComponent(queue).appendingPathComponent("job-\(job).uri")
        return (try? String(contentsOf: file, encoding: .utf8))
    }

    /// A printer attribute as cupsd reports it to `ipptool` (Get-Printer-Attributes), e.g. `retry-current-job`.
    /// - Parameters:
    ///   - name: The attribute, e.g. `printer-error-policy`.
    ///   - queue: The queue.
    /// - Returns: The value as ipptool prints it, or `nil` when absent.
    /// - Throws: When ipptool cannot run.
    public func printerAttribute(_ name: String, queue: String) async throws -> String? {
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
        let result = try await run("ipptool", ["-tv", "ipp://\(server)/printers/\(queue)", test.path])
        let line = result.output.split(separator: "\n").first {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " (")
        }
        return line?.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Whether a private cupsd can run here: cupsd and lpadmin installed, and root (cupsd checks its files'
    /// ownership).
    public static var isAvailable: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/cupsd")
            && FileManager.default.isExecutableFile(atPath: "/usr/sbin/lpadmin")
    }

    /// Sets or clears the capture backend's fault for a queue: `paper-out`, `paper-out-stop`, `slow`, or `nil`.
    /// - Parameters:
    ///   - queue: The NAME of the device URI.
    ///   - fault: The fault, or `nil` for a healthy printer.
    /// - Throws: When the file cannot be written.
    public func setCaptureFault(queue: String, _ fault: String?) throws {
        let directory = outputDirectory.appendingPathComponent(queue)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("FAULT")
        if let fault {
            try Data(fault.utf8).write(to: file)
        } else {
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// cupsd's error log, for failure messages.
    public func errorLog() -> String {
        (try? String(contentsOf: root.appendingPathComponent("log/error_log"), encoding: .utf8)) ?? "(no error_log)"
    }

    /// Kills cupsd and its backends at once with `SIGKILL`, as a crash would, and reaps it.
    public func kill() {
        if !process.reapIfExited() { process.killAndReap() }
    }

    /// Stops cupsd (`SIGTERM`, then `SIGKILL` after 10 s) and removes the temporary root.
    public func stop() async {
        if !process.reapIfExited() {
            Glibc.kill(process.pid, SIGTERM)
            let deadline = ContinuousClock.now + .seconds(10)
            while !process.reapIfExited() {
                if ContinuousClock.now > deadline { process.killAndReap() }
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        try? FileManager.default.removeItem(at: root)
    }

    /// Whether something accepts TCP connections on 127.0.0.1:port.
    private static func acceptsConnections(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Creates the directories, the configuration files and the backend directory.
    private static func layOut(root: URL, port: Int, kioskdScheme: KioskdScheme) throws {
        let files = FileManager.default
        for directory in ["etc/ppd", "etc/ssl", "bin/backend", "spool/tmp", "log", "cache", "state", "out"] {
            try files.createDirectory(
                at: root.appendingPathComponent(directory), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755])
        }
        try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path)
        try cupsdConfiguration(port: port).write(
            to: root.appendingPathComponent("etc/cupsd.conf"), atomically: true, encoding: .utf8)
        try filesConfiguration(root: root.path).write(
            to: root.appendingPathComponent("etc/cups-files.conf"), atomically: true, encoding: .utf8)
        // cupsd runs helpers from ServerBin: the stock daemon/filter/… directories, our own backend directory.
        for directory in ["daemon", "filter", "cgi-bin", "notifier", "monitor"] {
            try files.createSymbolicLink(
                atPath: root.appendingPathComponent("bin/\(directory)").path,
                withDestinationPath: "/usr/lib/cups/\(directory)")
        }
        let backends = root.appendingPathComponent("bin/backend")
        for stock in ["ipp", "socket", "usb"] where files.fileExists(atPath: "/usr/lib/cups/backend/\(stock)") {
            try files.createSymbolicLink(
                atPath: backends.appendingPathComponent(stock).path, withDestinationPath: "/usr/lib/cups/backend/\(stock)")
        }
        let capture = backends.appendingPathComponent("capture")
        try captureBackend(output: root.appendingPathComponent("out").path).write(
            to: capture, atomically: true, encoding: .utf8)
        try files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: capture.path)
        let kioskd = backends.appendingPathComponent("kioskd")
        switch kioskdScheme {
        case .none:
            return
        case .kioskdBackend:
            guard files.isExecutableFile(atPath: kioskdBackendBinary.path) else {
                throw KioskTestingError(.launchFailed, "no kioskd-cups-backend at \(kioskdBackendBinary.path): build first")
            }
            try files.copyItem(at: kioskdBackendBinary, to: kioskd)
        case .capture:
            try files.copyItem(at: capture, to: kioskd)
        }
        try files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: kioskd.path)
    }
}
