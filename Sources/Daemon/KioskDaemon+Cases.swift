// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Logging
import PersonalData
import Store

extension KioskDaemon {
    /// The proxy-case service over the queue's database; with the built-in demo hall and an empty catalogue,
    /// the demo catalogue and agent are seeded first, so `make run` can be tried.
    func makeCaseService(
        store: QueueStore, dataKey: DataKey, deviceID: String, desk: CardDesk, printer: TicketPrinter?
    ) throws -> CaseService {
        let cases = CaseStore(store: store, dataKey: dataKey, deviceID: deviceID)
        if configuration.source == KioskConfiguration.demoSource, try cases.matters().isEmpty {
            try cases.storeMatters(DemoCatalogue.matters)
            if try cases.agent(id: DemoCatalogue.agentID) == nil {
                try cases.createAgent(id: DemoCatalogue.agentID, name: DemoCatalogue.agentName, pin: DemoCatalogue.agentPIN)
            }
            logger.notice(
                "Seeded the demo matter catalogue and demo agent (demo hall, empty catalogue)",
                metadata: [LogKey.matters.rawValue: "\(DemoCatalogue.matters.count)", LogKey.agent.rawValue: "\(DemoCatalogue.agentID)"])
        }
        let sessions = AgentSessions(idleTimeout: TimeInterval(configuration.cases.agentIdleMinutes) * 60, now: { Date() })
        return CaseService(
            store: cases, sessions: sessions, desk: desk, printer: printer, hall: configuration.hall, now: { Date() },
            logger: logger)
    }
}
