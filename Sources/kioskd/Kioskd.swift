// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser

/// `kioskd`: the kiosk daemon and its tools.
@main
struct Kioskd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskd",
        abstract: "Self-service kiosk and queue-ticket daemon for service halls.",
        subcommands: [RunCommand.self, ConfigCommand.self, UdevRulesCommand.self, EmulateCommand.self,
            ReaderCommand.self, PrinterCommand.self, EnrollCommand.self, MenuCommand.self],
        defaultSubcommand: nil)
}
