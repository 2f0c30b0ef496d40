// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import KioskConfiguration
import Logging
import SyncClient

/// `kioskd enroll --code CODE [--server URL]`: joins the central server with a one-time code from the township
/// technician and writes the device identity (`[sync] identity`, mode 0600).
struct EnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Enrol this kiosk with the central server using a one-time code.",
        discussion: """
            The kiosk generates its own Ed25519 key; only the public half leaves it. The identity file is written \
            only when the server accepted the code, and an existing one is never replaced (delete it to enrol again).
            Exit status: 0 enrolled, 65 the server refused the code, 69 the server could not be reached, \
            73 an identity already exists, 78 a configuration error.
            """)

    @Option(name: .long, help: "The TOML configuration file; its [sync] table gives the server and the identity file.")
    var config: String?

    @Option(name: .long, help: "The central server's base URL, overriding [sync] server.")
    var server: String?

    @Option(name: .long, help: "The one-time enrolment code.")
    var code: String

    @Option(name: .long, help: "Where to write the identity, overriding [sync] identity (default var/device-identity.json).")
    var identity: String?

    @Option(name: .long, help: "A label for the central server's operators (default: the host name).")
    var label: String?

    func run() async throws {
        let configuration = try ConfigCommand.loadOrExit(config)
        guard let text = server ?? configuration.sync?.server.absoluteString else {
            Self.fail("no central server: give --server or a configuration with a [sync] table", exitCode: 78)
        }
        guard let url = URL(string: text), SyncSettings.problem(with: url) == nil else {
            Self.fail("--server: \(URL(string: text).flatMap(SyncSettings.problem) ?? "not a URL"), found \"\(text)\"", exitCode: 78)
        }
        let path = identity ?? configuration.sync?.identityPath ?? SyncSettings.defaultIdentityPath
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        do {
            let enrolled = try await DeviceIdentity.enroll(
                server: url, code: code, label: label ?? ProcessInfo.processInfo.hostName, savingTo: path,
                logger: Logger(label: "kioskd.enroll"))
            print("enrolled as device \(enrolled.deviceID) of \(enrolled.pointName) (\(enrolled.pointID)); identity written to \(path)")
        } catch let error as SyncClientError {
            switch error.code {
            case .enrolmentRefused: Self.fail("\(error.description)", exitCode: 65)
            case .alreadyEnrolled: Self.fail("\(error.description) (delete it to enrol again)", exitCode: 73)
            case .identity, .insecureServer: Self.fail(error.description, exitCode: 78)
            default: Self.fail(error.description, exitCode: 69)
            }
        }
    }

    private static func fail(_ message: String, exitCode: Int32) -> Never {
        FileHandle.standardError.write(Data("kioskd enroll: \(message)\n".utf8))
        Foundation.exit(exitCode)
    }
}
