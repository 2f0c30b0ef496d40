// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser

/// `kiosk-central`: the central sync server of the kiosks and the operator's tools.
@main
struct KioskCentral: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-central",
        abstract: "Central sync server for kioskd: enrolment, pushes, pull streams, revocation, audit.",
        subcommands: [
            RunCommand.self, MigrateCommand.self, PointCommand.self, EnrollCodeCommand.self, RevokeCommand.self,
            CatalogueCommand.self, CaseCommand.self, DevicesCommand.self,
        ])
}
