// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Daemon
import KioskConfiguration
import Queue

/// `kioskd config`: print the example configuration or check a file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the example configuration or check a configuration file.",
        subcommands: [Example.self, Check.self, DemoCatalogueCommand.self])

    /// `kioskd config example`: the demo hall's TOML, the same `kioskd run` uses without --config.
    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the built-in demo hall's configuration as TOML.")

        func run() {
            print(KioskConfiguration.demoTOML, terminator: KioskConfiguration.demoTOML.hasSuffix("\n") ? "" : "\n")
        }
    }

    /// `kioskd config demo-catalogue`: the demo hall's matter catalogue as `kiosk-central catalogue import`
    /// reads it, so a local central server knows the matters the demo kiosk captures cases for.
    struct DemoCatalogueCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo-catalogue", abstract: "Print the demo matter catalogue as JSON for `kiosk-central catalogue import`.")

        func run() throws {
            print(String(decoding: try DemoCatalogue.json(), as: UTF8.self))
        }
    }

    /// `kioskd config check --config FILE`: exits 0 when the file is valid, 78 with the reason when not.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a configuration file and summarise it.")

        @Option(name: .long, help: "The TOML file to check, e.g. /etc/kioskd/kioskd.toml.")
        var config: String

        func run() throws {
            let configuration = try ConfigCommand.loadOrExit(config)
            print("\(config): OK — \(configuration.hall.businesses.count) businesses, \(configuration.hall.windows.count) windows")
        }
    }

    /// Loads a file (or the demo hall when `nil`); on error prints it and exits 78 (EX_CONFIG), no stack trace.
    static func loadOrExit(_ path: String?) throws -> KioskConfiguration {
        guard let path else { return KioskConfiguration.demo }
        do {
            return try KioskConfiguration.load(contentsOf: path)
        } catch {
            FileHandle.standardError.write(Data("kioskd: configuration error: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }
}
