// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import DeviceCatalog
import Foundation

/// `kioskd udev-rules`: generate `udev/70-kioskd.rules` from the device files, or check a file against them.
///
/// Exit status: 0 when written or up to date, 1 when `--check` finds a difference, 78 when a device file is
/// wrong (the message names the file, line, key and what was expected).
struct UdevRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "udev-rules",
        abstract: "Generate the udev rules for the supported devices from the devices/*.toml files.",
        discussion: """
            Prints the rules to standard output, writes them to --output, or with --check compares a file \
            with what the device files generate. Install the result with \
            `install -m 0644 udev/70-kioskd.rules /etc/udev/rules.d/` and \
            `udevadm control --reload && udevadm trigger --action=change`.
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The directory of device files (default: ./devices, else /usr/share/kioskd/devices).",
            valueName: "dir"))
    var devices: String?

    @Option(
        name: .long, help: ArgumentHelp("Write the rules to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Compare this file with the generated rules; exit 1 and show the differing lines when they differ.",
            valueName: "file"))
    var check: String?

    func validate() throws {
        if output != nil, check != nil {
            throw ValidationError("--output and --check cannot be used together.")
        }
    }

    func run() throws {
        let directory = devices ?? DeviceCatalog.defaultDirectory()
        let catalog: DeviceCatalog
        do {
            catalog = try DeviceCatalog.load(directory: directory)
        } catch {
            UdevRulesCommand.printError("kioskd: device file error: \(error)")
            throw ExitCode(78)
        }
        let rules = UdevRules(catalog: catalog)

        if let check {
            guard let data = FileManager.default.contents(atPath: check) else {
                UdevRulesCommand.printError("kioskd: \(check): cannot read the file to check")
                throw ExitCode(1)
            }
            let committed = String(decoding: data, as: UTF8.self)
            if let difference = rules.difference(from: committed) {
                UdevRulesCommand.printError(
                    "kioskd: \(check) differs from what \(directory)/ generates (- \(check), + generated):\n"
                        + difference + "\nRegenerate it with: \(UdevRules.regenerateCommand)")
                throw ExitCode(1)
            }
            print("\(check): up to date with \(directory)/ (\(catalog.models.count) devices)")
            return
        }
        if let output {
            do {
                try Data(rules.text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                UdevRulesCommand.printError("kioskd: \(output): cannot write the rules: \(error.localizedDescription)")
                throw ExitCode(1)
            }
            UdevRulesCommand.printError(
                "kioskd: wrote \(output) from \(catalog.models.count) device files in \(directory)/")
            return
        }
        print(rules.text, terminator: "")
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
