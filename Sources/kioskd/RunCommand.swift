// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Daemon
import Foundation
import KioskConfiguration
import Logging
import PersonalData
import Reader
import Store

/// `kioskd run`: the daemon, as systemd starts it.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: the queue, its store and the HTTP API.",
        discussion: """
            Without --config the built-in demo hall is used (see `kioskd config example`).
            Precedence: options > environment (KIOSKD_LISTEN, KIOSKD_DATABASE, KIOSKD_DATA_KEY, KIOSKD_LOG_LEVEL) > file > defaults.
            """)

    @Option(name: .long, help: "The TOML configuration file, e.g. /etc/kioskd/kioskd.toml.")
    var config: String?

    @Option(name: .long, help: "Listen address host:port, overriding [server] listen.")
    var listen: String?

    @Option(name: .long, help: "SQLite file, overriding [store] path.")
    var database: String?

    @Option(name: .long, help: "The personal-data key file, overriding [store] data_key.")
    var dataKey: String?

    @Option(name: .long, help: "The central server's base URL, overriding [sync] server (and enabling sync).")
    var syncServer: String?

    @Option(name: .long, help: "The device identity file from `kioskd enroll`, overriding [sync] identity.")
    var deviceIdentity: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let level = (logLevel ?? environment["KIOSKD_LOG_LEVEL"]).flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "kioskd")
        var configuration = try ConfigCommand.loadOrExit(config)
        if let listen = listen ?? environment["KIOSKD_LISTEN"] {
            guard let address = ListenAddress(parsing: listen) else {
                FileHandle.standardError.write(Data("kioskd: configuration error: --listen: expected host:port, found \"\(listen)\"\n".utf8))
                throw ExitCode(78)
            }
            configuration.listen = address
        }
        if let database = database ?? environment["KIOSKD_DATABASE"] {
            configuration.databasePath = database
        }
        if let dataKey = dataKey ?? environment["KIOSKD_DATA_KEY"] {
            configuration.dataKeyPath = dataKey
        }
        if let syncServer {
            guard let url = URL(string: syncServer), SyncSettings.problem(with: url) == nil else {
                let problem = URL(string: syncServer).flatMap(SyncSettings.problem) ?? "not a URL"
                FileHandle.standardError.write(Data("kioskd: configuration error: --sync-server: \(problem), found \"\(syncServer)\"\n".utf8))
                throw ExitCode(78)
            }
            var sync = configuration.sync ?? SyncSettings(server: url)
            sync.server = url
            configuration.sync = sync
        }
        if let deviceIdentity {
            guard configuration.sync != nil else {
                FileHandle.standardError.write(Data("kioskd: configuration error: --device-identity needs --sync-server or a [sync] table\n".utf8))
                throw ExitCode(78)
            }
            configuration.sync?.identityPath = deviceIdentity
        }
        do {
            try await KioskDaemon(configuration: configuration, logger: logger).run()
        } catch let error as StoreError {
            logger.critical("Cannot open the store", metadata: ["kioskd.error": "\(error)"])
            throw ExitCode(74)
        } catch let error as PersonalDataError {
            logger.critical("Cannot use the data key", metadata: ["kioskd.error": "\(error)"])
            throw ExitCode(78)
        } catch let error as ReaderError where error.code == .photoDecoderUnavailable {
            logger.critical("Cannot load [reader] photo_decoder", metadata: ["kioskd.error": "\(error)"])
            throw ExitCode(78)
        } catch {
            logger.critical("kioskd failed", metadata: ["kioskd.error": "\(error)"])
            throw ExitCode(1)
        }
    }
}
