// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Central

/// `kiosk-central case set-status CASE STATUS [--note …]`: the server owns case status.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Manage cases.", subcommands: [SetStatus.self])

    /// `case set-status`: moves a case and tells its point's kiosks through the case_status stream.
    struct SetStatus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-status", abstract: "Move a case to in_progress, completed, returned or rejected.")

        @OptionGroup var options: DatabaseOptions

        @Argument(help: "The case's id.")
        var caseID: String

        @Argument(help: "The new status.")
        var status: String

        @Option(name: .long, help: "A note for the agent (why returned, what is missing).")
        var note: String?

        func run() async throws {
            let (caseID, status, note) = (caseID, status, note)
            try await options.withStore { store in
                let version = try await store.setCaseStatus(caseID, to: status, note: note)
                print("case \(caseID) is \(status) (version \(version))")
            }
        }
    }
}
