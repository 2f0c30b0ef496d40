// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Central
import Foundation

/// `kiosk-central migrate`: brings the database to this build's schema and says what it applied.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending schema migrations (each in its own transaction).")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let applied = try await options.withClient { client, logger in
            try await Migrator.migrate(client, logger: logger)
        }
        print(
            applied.isEmpty
                ? "schema current (version \(Migrator.currentVersion))"
                : "applied \(applied.map(String.init).joined(separator: ", "))")
    }
}
