// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Central
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import UnixSignals

/// `kiosk-central run`: the sync server.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Migrate the database and serve the sync API until SIGTERM or SIGINT.")

    @OptionGroup var options: DatabaseOptions

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port = 8443

    @Option(name: .long, help: "PEM certificate chain (required unless --host is loopback).")
    var tlsCert: String?

    @Option(name: .long, help: "PEM private key of the certificate.")
    var tlsKey: String?

    @Option(name: .long, help: "Seconds a request may take before it is answered 503 (database unavailable).")
    var requestDeadline = 15

    @Option(name: .long, help: "Seconds a request waits for a database connection before it is answered 503.")
    var connectionWait = 5

    func run() async throws {
        guard requestDeadline > 0, connectionWait > 0 else {
            throw ValidationError("--request-deadline and --connection-wait must be at least 1 second")
        }
        var configuration = CentralServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.requestDeadline = .seconds(requestDeadline)
        configuration.connectionWait = .seconds(connectionWait)
        switch (tlsCert, tlsKey) {
        case (let cert?, let key?):
            configuration.tls = try CentralServer.Configuration.tls(certificateFile: cert, keyFile: key)
        case (nil, nil): break
        default: throw ValidationError("--tls-cert and --tls-key go together")
        }
        guard configuration.tls != nil || configuration.isLoopback else {
            throw ValidationError("listening on \(host) needs --tls-cert and --tls-key (plain HTTP only on loopback)")
        }
        let logger = options.logger()
        let client = PostgresClient(configuration: try options.address().configuration, backgroundLogger: logger)
        let dataKey = options.dataKey
        do {
            // The pool outlives the server: it stops only after the server group finished draining.
            try await client.whileRunning {
                try await Migrator.migrate(client, logger: logger, connectionWait: .seconds(connectionWait))
                let store = try await CentralStore.open(client: client, dataKeyPath: dataKey, logger: logger)
                let application = try CentralServer.makeApplication(
                    store: store, configuration: configuration, logger: logger)
                let services = ServiceGroup(
                    configuration: .init(
                        services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await services.run()
            }
        } catch let error as CentralError {
            logger.critical("Cannot start", metadata: ["central.error": "\(error)"])
            throw ExitCode([.configuration, .dataKey].contains(error.code) ? 78 : 1)
        }
    }
}
