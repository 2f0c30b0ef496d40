// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// `kioskd printer setup` against a real private cupsd: the queue it creates, and its failures.
struct PrinterSetupTests {
    /// The committed `devices/` directory.
    private static let devicesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../devices").standardized.path

    /// Runs `kioskd printer setup` with `CUPS_SERVER` set.
    private func setup(_ arguments: [String], server: String) async throws -> (status: Int32, output: String) {
        let outcome = try await ProcessRunner.run(
            DaemonProcess.binary, ["printer", "setup"] + arguments, environment: ["CUPS_SERVER": server])
        return (outcome.status, outcome.outputText + outcome.errorText)
    }

    /// A fake `/sys/bus/usb/devices` holding one USB device with the given interface classes.
    private func fakeSysfs(in directory: TestDirectory, id: (String, String), classes: [String]) throws -> String {
        let root = directory.file("sysfs").path
        let device = root + "/1-1.4"
        try FileManager.default.createDirectory(atPath: device, withIntermediateDirectories: true)
        try (id.0 + "\n").write(toFile: device + "/idVendor", atomically: true, encoding: .utf8)
        try (id.1 + "\n").write(toFile: device + "/idProduct", atomically: true, encoding: .utf8)
        for (index, code) in classes.enumerated() {
            let interface = root + "/1-1.4:1.\(index)"
            try FileManager.default.createDirectory(atPath: interface, withIntermediateDirectories: true)
            try (code + "\n").write(toFile: interface + "/bInterfaceClass", atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test(.enabled(if: PrivateCUPS.isAvailable, "needs root and cupsd"))
    func createsARawQueueOnKioskdsBackendForTheFoundPrinter() async throws {
        let cups = try await PrivateCUPS(kioskdScheme: .capture)
        let directory = try TestDirectory("printer-setup")
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let node = directory.file("lp0")
        try Data().write(to: node)
        let sysfs = try fakeSysfs(in: directory, id: ("0416", "5011"), classes: ["07"])
        let arguments = [
            "--devices", Self.devicesDirectory, "--sysfs", sysfs, "--device", node.path, "--name", "receipt-test",
            "--default",
        ]
        let uri = "kioskd:\(node.path)?status=dle-eot"

        let dryRun = try await setup(arguments + ["--dry-run"], server: cups.server)
        #expect(dryRun.status == 0, "\(dryRun.output)")
        #expect(dryRun.output.contains("Printer found: 0416:5011 at 1-1.4 taken as printer"), "\(dryRun.output)")
        #expect(
            dryRun.output.contains(
                "$ lpadmin -p receipt-test -E -v '\(uri)' -m raw -D 'unknown (Winbond vendor id, no-name boards) "
                    + "POS58 58 mm receipt printer' -o printer-error-policy=retry-current-job\n$ lpadmin -d receipt-test\n"
            ),
            "\(dryRun.output)")
        #expect(dryRun.output.contains("Dry run: nothing was changed."))
        #expect(try await cups.run("lpstat", ["-v"]).output.contains("receipt-test") == false)

        let result = try await setup(arguments, server: cups.server)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("CUPS server: \(cups.server) (CUPS_SERVER)"), "\(result.output)")
        #expect(result.output.contains("  → ok"), "\(result.output)")
        #expect(result.output.contains("Queue receipt-test is ready: \(uri), raw, error policy retry-current-job"))
        let devices = try await cups.run("lpstat", ["-v"])
        #expect(devices.output.contains("device for receipt-test: \(uri)"), "\(devices.output)")
        let destination = try await cups.run("lpstat", ["-d"])
        #expect(destination.output.contains("system default destination: receipt-test"), "\(destination.output)")
        #expect(try await cups.printerAttribute("printer-error-policy", queue: "receipt-test") == "retry-current-job")
        #expect(try await cups.printerAttribute("printer-is-accepting-jobs", queue: "receipt-test") == "true")

        // Enabled and accepting (-E): a raw job reaches the backend byte for byte, with the device URI.
        let ticket = Data([0x1B, 0x40, 0x1C, 0x26, 0xC8, 0xA1, 0xBA, 0xC5, 0x0A, 0x1D, 0x56, 0x01])
        try ticket.write(to: directory.file("ticket.bin"))
        let printed = try await cups.run(
            "lp", ["-d", "receipt-test", "-o", "raw", directory.file("ticket.bin").path])
        #expect(printed.status == 0, "\(printed.output)")
        let deadline = ContinuousClock.now + .seconds(20)
        while cups.capturedJobs(queue: "lp0")[1] == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(cups.capturedJobs(queue: "lp0")[1] == [UInt8](ticket), "\(cups.errorLog().suffix(2000))")
        #expect(cups.capturedDeviceURI(queue: "lp0", job: 1) == uri)
        await cups.stop()
    }

    @Test(.enabled(if: PrivateCUPS.isAvailable, "needs root and cupsd"))
    func aTTYModelFileGivesItsLineSpeedToTheBackend() async throws {
        let cups = try await PrivateCUPS(kioskdScheme: .capture)
        let directory = try TestDirectory("printer-setup-tty")
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let node = directory.file("ttyACM0")
        try Data().write(to: node)
        let result = try await setup(
            ["--model", Self.devicesDirectory + "/printer-0483-5740-58mm.toml", "--device", node.path],
            server: cups.server)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Printer model: unknown (STMicroelectronics vendor id"), "\(result.output)")
        let devices = try await cups.run("lpstat", ["-v"])
        #expect(
            devices.output.contains("device for kioskd-receipt: kioskd:\(node.path)?status=none&baud=115200"),
            "\(devices.output)")
        await cups.stop()
    }

    @Test func failsClearlyWhenLpadminCannotReachTheServer() async throws {
        let directory = try TestDirectory("printer-setup-down")
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let node = directory.file("lp0")
        try Data().write(to: node)
        let port = try FreePort.find()
        let result = try await setup(
            ["--model", Self.devicesDirectory + "/printer-0416-5011.toml", "--device", node.path],
            server: "127.0.0.1:\(port)")
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("$ lpadmin -p kioskd-receipt -E -v"), "\(result.output)")
        #expect(result.output.contains("kioskd: lpadmin failed (exit 1); queue kioskd-receipt was not set up"))
    }

    @Test func failsClearlyWhenNoPrinterIsOnTheBus() async throws {
        let directory = try TestDirectory("printer-setup-none")
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let sysfs = try fakeSysfs(in: directory, id: ("0400", "c35a"), classes: ["ff"])
        let result = try await setup(["--devices", Self.devicesDirectory, "--sysfs", sysfs], server: "127.0.0.1:1")
        #expect(result.status == 69, "\(result.output)")
        #expect(
            result.output.contains("kioskd: no printer found: no USB device in \(sysfs) is described by a printer file")
        )
        #expect(!result.output.contains("lpadmin"), "nothing may run: \(result.output)")

        // A described printer in another USB mode is named, with what is wrong.
        let modeDirectory = try TestDirectory("printer-setup-mode")
        defer { try? FileManager.default.removeItem(at: modeDirectory.url) }
        let cdcMode = try fakeSysfs(in: modeDirectory, id: ("0416", "5011"), classes: ["02", "0a"])
        let mismatch = try await setup(["--devices", Self.devicesDirectory, "--sysfs", cdcMode], server: "127.0.0.1:1")
        #expect(mismatch.status == 69)
        #expect(
            mismatch.output.contains("which expects an interface of class 07, but it has 02,0a"), "\(mismatch.output)")
    }

    @Test func aSharedIDWhoseModelsPrintAlikeIsSetUpAsOneOfThem() async throws {
        let directory = try TestDirectory("printer-setup-shared")
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let sysfs = try fakeSysfs(in: directory, id: ("0fe6", "811e"), classes: ["07"])
        let result = try await setup(
            ["--devices", Self.devicesDirectory, "--sysfs", sysfs, "--dry-run"], server: "127.0.0.1:1")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("taken as printer one of:"), "\(result.output)")
        #expect(
            result.output.contains(
                "-v 'kioskd:/dev/kioskd/printer-0fe6-811e?status=dle-eot' -m raw -D 'Xprinter (芯烨) and clones XP-58 "
                    + "class 58 mm receipt printer or Xprinter (芯烨) and clones XP-80 class 80 mm receipt printer'"),
            "\(result.output)")
    }

    @Test func aVendorClassPrinterUsesTheStockUSBBackend() async throws {
        let result = try await setup(
            [
                "--model", Self.devicesDirectory + "/printer-04b8-0202.toml", "--uri", "usb://EPSON/TM-T88V?serial=X1",
                "--dry-run",
            ],
            server: "127.0.0.1:1")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("-v 'usb://EPSON/TM-T88V?serial=X1' -m raw"), "\(result.output)")
        let withoutURI = try await setup(
            ["--model", Self.devicesDirectory + "/printer-04b8-0202.toml", "--dry-run"], server: "127.0.0.1:1")
        #expect(withoutURI.output.contains("$ lpinfo --include-schemes usb -v"), "\(withoutURI.output)")
    }
}
