// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Central
import Foundation

/// `kiosk-central devices`: which devices (and so which points) are behind.
struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List devices: point, last sequence, last seen, the backlog they report, and whether behind.")

    @OptionGroup var options: DatabaseOptions

    @Option(name: .long, help: "Hours without a sync, or with an operation pending, after which a device is behind.")
    var behindAfterHours = 24

    func run() async throws {
        let limit = TimeInterval(behindAfterHours) * 3600
        try await options.withStore { store in
            let now = Date()
            let format = ISO8601DateFormatter()
            print(
                ["POINT", "DEVICE", "LABEL", "LAST_SEQ", "LAST_SEEN", "PENDING", "OLDEST_PENDING", "LAST_ERROR", "STATE"]
                    .joined(separator: "\t"))
            for device in try await store.devices() {
                let state =
                    device.revokedAt != nil ? "revoked" : device.isBehind(now: now, limit: limit) ? "BEHIND" : "ok"
                let seen = device.lastSeen.map(format.string(from:)) ?? "never"
                let pending = device.report.map { String($0.pendingCount) } ?? "-"
                let oldest = device.report?.oldestPendingAt.map(format.string(from:)) ?? "-"
                let error = device.report?.lastError.map { $0.replacingOccurrences(of: "\t", with: " ") } ?? "-"
                print(
                    [device.pointID, device.deviceID, device.label, String(device.lastSeq), seen, pending, oldest, error, state]
                        .joined(separator: "\t"))
            }
        }
    }
}
