// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Central

/// `kiosk-central revoke DEVICE`: every later request the device signs gets 401.
struct RevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a device (stolen, replaced).")

    @OptionGroup var options: DatabaseOptions

    @Argument(help: "The device's id.")
    var deviceID: String

    func run() async throws {
        let deviceID = deviceID
        try await options.withStore { store in try await store.revoke(deviceID) }
        print("device \(deviceID) revoked")
    }
}
