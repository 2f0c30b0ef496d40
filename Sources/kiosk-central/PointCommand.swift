// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Central

/// `kiosk-central point add ID NAME`.
struct PointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "point", abstract: "Manage service points.", subcommands: [Add.self])

    /// `point add`: adds a service point or renames it.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a service point (or rename it).")

        @OptionGroup var options: DatabaseOptions

        @Argument(help: "The point's id, e.g. 320102-001.")
        var pointID: String

        @Argument(help: "The point's name.")
        var name: String

        func run() async throws {
            let (pointID, name) = (pointID, name)
            try await options.withStore { store in try await store.addPoint(pointID, name: name) }
            print("point \(pointID) saved")
        }
    }
}
