// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import DeviceCatalog
import Foundation

/// `kioskd printer`: tools for technicians setting up the receipt printer.
struct PrinterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "Tools for receipt printers.",
        subcommands: [PrinterSetupCommand.self])
}

/// `kioskd printer setup`: finds the plugged-in printer model and creates its raw CUPS queue with `lpadmin`.
///
/// Exit status: 0 when the queue was created (or, with `--dry-run`, the commands printed); 1 when `lpadmin` or
/// `lpinfo` fails; 69 when no printer (or more than one) is found, or CUPS lists no USB URI for it; 78 when a
/// device file is wrong.
struct PrinterSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Create the CUPS queue for the plugged-in receipt printer.",
        discussion: """
            Finds the printer on the USB bus (sysfs) among the printer files in devices/, or takes --model, \
            and creates a raw queue with lpadmin. A printer that answers DLE EOT real-time status, and any \
            tty printer, is printed to through kioskd's CUPS backend on its stable device name \
            (kioskd:/dev/kioskd/printer-<vid>-<pid>?status=…); any other through CUPS's usb backend, with \
            the usb:// URI lpinfo lists. The queue's error policy is retry-current-job: a printer out of \
            paper neither stops the queue (stop-printer) nor drops the ticket (abort-job), and the ticket \
            prints as soon as paper is back instead of after JobRetryInterval (retry-job). \
            Each command is printed with what it answered. lpadmin talks to the CUPS server named by \
            CUPS_SERVER, else the default one.

            Exit status: 0 when the queue was created (or the commands printed, with --dry-run), 1 when \
            lpadmin or lpinfo fails, 69 when no printer (or more than one) is found or CUPS lists no USB URI \
            for it, 78 when a device file is wrong.
            """)

    @Option(name: .long, help: "The queue's name.")
    var name = PrinterQueue.defaultName

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The printer's device node, instead of its udev name /dev/kioskd/printer-<vid>-<pid>; always printed "
                + "to through kioskd's backend.",
            valueName: "path"))
    var device: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The printer's device file, instead of looking for the printer on the bus.", valueName: "file"))
    var model: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The directory of device files (default: ./devices, else /usr/share/kioskd/devices).", valueName: "dir"))
    var devices: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The usb:// URI for CUPS's usb backend, instead of asking lpinfo.", valueName: "uri"))
    var uri: String?

    @Flag(name: .customLong("default"), help: "Make the queue the CUPS server's default destination.")
    var makeDefault = false

    @Flag(name: .long, help: "Print the commands without running them.")
    var dryRun = false

    @Option(name: .long, help: .hidden)
    var sysfs = "/sys/bus/usb/devices"

    /// How long `lpadmin` and `lpinfo` may take.
    private static let commandTimeout: TimeInterval = 60

    func validate() throws {
        guard PrinterQueue.isValidName(name) else {
            throw ValidationError(
                "--name: \"\(name)\" is not a CUPS queue name (1–127 printable characters, no space, /, \\, #, ?, ', \")."
            )
        }
        if let device {
            let forbidden = device.contains { $0.isWhitespace || "?&#%".contains($0) }
            guard device.hasPrefix("/"), !forbidden else {
                throw ValidationError(
                    "--device: expected an absolute path without spaces, ?, &, # or %, found \"\(device)\".")
            }
        }
        if let uri, !uri.hasPrefix("usb://") {
            throw ValidationError("--uri: expected a usb:// URI as lpinfo -v lists it, found \"\(uri)\".")
        }
    }

    func run() throws {
        let candidates = try findPrinter()
        let backends = candidates.map { $0.cupsBackend(devicePath: device) }
        guard let backend = backends.first ?? nil, backends.allSatisfy({ $0 == backend }) else {
            Self.fail(
                "the models of this id are printed to differently; choose one with --model FILE: "
                    + candidates.map(\.fileName).joined(separator: ", "),
                code: 69)
        }
        let deviceURI: String
        switch backend {
        case let .kioskd(kioskdURI):
            deviceURI = kioskdURI
            let path = String(kioskdURI.dropFirst("kioskd:".count).prefix { $0 != "?" })
            print("Device URI: \(deviceURI) (kioskd's CUPS backend on \(path))")
            if !dryRun, !FileManager.default.fileExists(atPath: path) {
                print(
                    "Note: \(path) does not exist yet; install the udev rules (udev/README.md) and plug the printer in."
                )
            }
        case .stockUSB:
            deviceURI = try stockUSBURI()
        }
        let info = candidates.map { "\($0.vendor) \($0.model)" }.joined(separator: " or ")
        let queue = PrinterQueue(name: name, deviceURI: deviceURI, info: info, isDefault: makeDefault)
        let server = ProcessInfo.processInfo.environment["CUPS_SERVER"].map { "\($0) (CUPS_SERVER)" }
        print("CUPS server: \(server ?? "the default (CUPS_SERVER is not set)")")
        for arguments in queue.lpadminArguments {
            let result = try execute("lpadmin", arguments)
            guard result.status == 0 else {
                Self.fail("lpadmin failed (exit \(result.status)); queue \(name) was not set up", code: 1)
            }
        }
        if dryRun {
            print("Dry run: nothing was changed.")
        } else {
            print(
                "Queue \(name) is ready: \(deviceURI), raw, error policy \(PrinterQueue.errorPolicy)"
                    + (makeDefault ? ", the default destination." : "."))
        }
    }

    /// The printer model(s) to set up: from `--model`, or the one printer on the bus (several models for a
    /// shared id).
    private func findPrinter() throws -> [DeviceModel] {
        if let model {
            guard let data = FileManager.default.contents(atPath: model) else {
                Self.fail("\(model): cannot read the device file", code: 78)
            }
            let parsed: DeviceModel
            do {
                parsed = try DeviceModel.parse(String(decoding: data, as: UTF8.self), path: model)
            } catch {
                Self.fail("device file error: \(error)", code: 78)
            }
            guard parsed.kind == .printer else {
                Self.fail("\(model) describes a \(parsed.kind), not a printer", code: 78)
            }
            print("Printer model: \(parsed.vendor) \(parsed.model) (\(model))")
            return [parsed]
        }
        let directory = devices ?? DeviceCatalog.defaultDirectory()
        let catalog: DeviceCatalog
        do {
            catalog = try DeviceCatalog.load(directory: directory)
        } catch {
            Self.fail("device file error: \(error)", code: 78)
        }
        let findings = BusDevice.scanSysfs(root: sysfs).map(catalog.assess)
        let printers = findings.filter { finding in finding.isTaken && finding.models.allSatisfy { $0.kind == .printer }
        }
        guard printers.count == 1, let found = printers.first else {
            let hints = findings.filter { [.interfaceMismatch, .unknownPrinter].contains($0.reason) }
            var message =
                printers.isEmpty
                ? "no printer found: no USB device in \(sysfs) is described by a printer file in \(directory)/"
                : "\(printers.count) printers found; choose one with --model FILE"
            for finding in printers + hints { message += "\n  " + finding.description }
            message += "\nPlug the printer in, or name it with --model FILE (and its node with --device PATH)."
            Self.fail(message, code: 69)
        }
        print("Printer found: \(found.description)")
        return found.models
    }

    /// The `usb://` URI CUPS's usb backend lists for the printer: `--uri`, or the only one `lpinfo -v` lists.
    private func stockUSBURI() throws -> String {
        if let uri { return uri }
        let result = try execute("lpinfo", ["--include-schemes", "usb", "-v"])
        if dryRun { return "usb://…(the URI lpinfo lists)" }
        guard result.status == 0 else { Self.fail("lpinfo failed (exit \(result.status))", code: 1) }
        let uris = result.output.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("usb://") }.map(String.init)
        }
        guard uris.count == 1 else {
            Self.fail(
                uris.isEmpty
                    ? "CUPS's usb backend lists no printer (lpinfo -v); is it plugged in and switched on?"
                    : "lpinfo lists several USB printers; choose one with --uri: " + uris.joined(separator: ", "),
                code: 69)
        }
        print("Device URI: \(uris[0]) (CUPS's usb backend, as lpinfo lists it)")
        return uris[0]
    }

    /// Prints a command and, unless this is a dry run, runs it with a timeout and prints what it answered.
    private func execute(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        print("$ " + ([program] + arguments).map(Self.shellQuoted).joined(separator: " "))
        if dryRun { return (0, "") }
        let result = try Self.run(program, arguments, timeout: Self.commandTimeout)
        for line in result.output.split(separator: "\n") { print("  " + line) }
        print(result.status == 0 ? "  → ok" : "  → failed (exit \(result.status))")
        return result
    }

    /// Runs a program found on `PATH` (or in the sbin directories, where `lpadmin` lives) and collects its
    /// combined output through a temporary file, so a chatty program cannot block on a full pipe.
    private static func run(
        _ program: String, _ arguments: [String], timeout: TimeInterval
    ) throws -> (status: Int32, output: String) {
        let path =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        guard let executable = path.map({ $0 + "/" + program }).first(where: FileManager.default.isExecutableFile)
        else {
            fail("\(program) not found; install cups-client", code: 1)
        }
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil) else {
            fail("cannot create a temporary file in \(FileManager.default.temporaryDirectory.path)", code: 1)
        }
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            fail("\(program) did not finish within \(Int(timeout)) s; is the CUPS server answering?", code: 1)
        }
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }

    /// `'a b'` for arguments the shell would split or expand; others as they are.
    private static func shellQuoted(_ argument: String) -> String {
        let plain =
            !argument.isEmpty
            && argument.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=,@%+".contains($0)) }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Prints `kioskd: <message>` to standard error and exits with `code`.
    private static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("kioskd: \(message)\n".utf8))
        Self.exit(withError: ExitCode(code))
    }
}
