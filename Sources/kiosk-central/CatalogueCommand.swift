// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Central
import Foundation

/// `kiosk-central catalogue import FILE`: a JSON array of matters (see ``CatalogueMatter``).
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue", abstract: "Manage the service-matter catalogue.", subcommands: [Import.self])

    /// `catalogue import`: new and changed matters get the next catalogue version.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import matters from a JSON file.")

        @OptionGroup var options: DatabaseOptions

        @Argument(help: "The JSON file: an array of matters.")
        var file: String

        func run() async throws {
            let matters: [CatalogueMatter]
            do {
                matters = try JSONDecoder().decode(
                    [CatalogueMatter].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                throw ValidationError("cannot read the catalogue \(file): \(error)")
            }
            try await options.withStore { store in
                let changed = try await store.importCatalogue(matters)
                print("\(matters.count) matters read, \(changed) new or changed")
            }
        }
    }
}
