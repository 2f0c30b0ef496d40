// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Logging
import PersonalData
import Queue
import Store

extension KioskDaemon {
    /// The proxy-case service over the queue's database; with the built-in demo hall and an empty catalogue,
    /// the demo catalogue and agent are seeded first, and the demo bookings when today has none, so `make run`
    /// can be tried.
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
        if configuration.source == KioskConfiguration.demoSource {
            try seedDemoBookings(in: cases)
        }
        let sessions = AgentSessions(idleTimeout: TimeInterval(configuration.cases.agentIdleMinutes) * 60, now: { Date() })
        return CaseService(
            store: cases, sessions: sessions, desk: desk, printer: printer, hall: configuration.hall, now: { Date() },
            logger: logger)
    }

    /// Seeds today's demo bookings (``DemoBookings``) unless today has bookings already.
    private func seedDemoBookings(in cases: CaseStore) throws {
        let today = LocalDay.moments(containing: Date(), in: configuration.hall.timeZone)
        guard try cases.bookings(startingIn: today).isEmpty else { return }
        let bookings = DemoBookings.bookings(on: today, hall: configuration.hall)
        try cases.replaceBookings(bookings)
        logger.notice(
            "Seeded the demo bookings (demo hall, none today)", metadata: [LogKey.bookings.rawValue: "\(bookings.count)"])
    }
}
