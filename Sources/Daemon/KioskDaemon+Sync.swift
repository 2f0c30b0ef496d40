// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Logging
import Store
import SyncClient

extension KioskDaemon {
    /// The device identity `[sync] identity` names, or why there is none. A kiosk that is not enrolled still
    /// works: cases wait in the outbox until it is.
    func loadDeviceIdentity() -> Result<DeviceIdentity, SyncClientError>? {
        guard let sync = configuration.sync else { return nil }
        do {
            return .success(try DeviceIdentity.load(from: sync.identityPath))
        } catch {
            return .failure(error)
        }
    }

    /// The device id in receipt numbers: the enrolled identity's, else `[cases] device_id`.
    func receiptDeviceID(identity: Result<DeviceIdentity, SyncClientError>?) -> String {
        guard case .success(let identity) = identity else { return configuration.cases.deviceID }
        if configuration.cases.deviceID != CaseSettings.unenrolledDeviceID, configuration.cases.deviceID != identity.deviceID {
            logger.warning(
                "[cases] device_id differs from the enrolled device id; receipts carry the enrolled one",
                metadata: [LogKey.device.rawValue: "\(identity.deviceID)"])
        }
        return identity.deviceID
    }

    /// The sync link: a client over the case store when `[sync]` is set and the kiosk is enrolled.
    func makeSyncLink(identity: Result<DeviceIdentity, SyncClientError>?, cases: CaseService) throws -> SyncLink {
        guard let settings = configuration.sync, let identity else { return .off }
        switch identity {
        case .failure(let error):
            logger.error(
                "Not syncing: the kiosk is not enrolled with the central server (run `kioskd enroll`)",
                metadata: [LogKey.server.rawValue: "\(settings.server.absoluteString)", LogKey.error.rawValue: "\(error)"])
            return .notEnrolled(server: settings.server, problem: error.description)
        case .success(let identity):
            if let bound = try cases.store.bindSyncIdentity(deviceID: identity.deviceID) {
                logger.error(
                    "Not syncing: this store's outbox belongs to another enrolled device; restore that identity file",
                    metadata: [LogKey.device.rawValue: "\(identity.deviceID)", LogKey.identity.rawValue: "\(bound)"])
                return .notEnrolled(
                    server: settings.server,
                    problem: "the store's outbox was pushed as device \(bound), the identity file is device \(identity.deviceID)")
            }
            var client = SyncClient.Configuration(server: settings.server)
            client.interval = .seconds(settings.intervalSeconds)
            client.requestTimeout = .seconds(settings.requestTimeoutSeconds)
            client.softwareVersion = "kioskd \(Self.version)"
            let store = CaseSyncStore(cases: cases)
            var syncLogger = logger
            syncLogger[metadataKey: LogKey.server.rawValue] = "\(settings.server.absoluteString)"
            let syncClient = try SyncClient(configuration: client, identity: identity, outbox: store, inbox: store, logger: syncLogger)
            logger.notice(
                "Syncing with the central server",
                metadata: [LogKey.server.rawValue: "\(settings.server.absoluteString)", LogKey.device.rawValue: "\(identity.deviceID)"])
            return .syncing(syncClient, server: settings.server, identity: identity)
        }
    }
}
