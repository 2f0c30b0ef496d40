// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Central
import Foundation

/// `kiosk-central enroll-code POINT`: prints a one-time code a technician types into a kiosk of that point.
struct EnrollCodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll-code", abstract: "Print a one-time enrolment code for a point.")

    @OptionGroup var options: DatabaseOptions

    @Argument(help: "The point's id.")
    var pointID: String

    @Option(name: .long, help: "Hours until the code expires.")
    var validHours = 72

    func run() async throws {
        guard validHours > 0 else { throw ValidationError("--valid-hours must be positive") }
        let expiry = Date().addingTimeInterval(TimeInterval(validHours) * 3600)
        let pointID = pointID
        try await options.withStore { store in
            let code = try await store.makeEnrollmentCode(for: pointID, expiresAt: expiry)
            print(code)
        }
    }
}
