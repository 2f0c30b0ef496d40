// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Reader
import Testing

struct LogPrivacyTests {
    @Test func noFixtureNumberOrNameAppearsInAnyLogLine() async throws {
        let store = LogStore()
        let logger = store.logger()
        for key in Fixtures.keys {
            let (_, outcome) = try await ReaderSessionTests.readCard(key, logger: logger)
            #expect(outcome.reading != nil)
        }
        for fault in EmulatorFault.allCases {
            _ = try await ReaderSessionTests.fault(fault, logger: logger)
        }
        _ = try await ReaderServiceTests.presenceScenario(logger: logger)
        let (_, outcome) = try await SerialTransportTests.readOverPseudoTerminal("foreigner-2023", logger: logger)
        #expect(outcome.reading != nil)
        _ = try await SerialTransportTests.hangUp(logger: logger)

        let lines = store.all
        #expect(lines.contains { $0.contains("Card read") })
        #expect(lines.contains { $0.contains("reader.card.number_masked=4403**********4563") })
        let secrets = Fixtures.secrets(try Fixtures.load())
        #expect(!secrets.isEmpty)
        for secret in secrets {
            let hits = lines.filter { $0.contains(secret) }
            #expect(hits.isEmpty, "a fixture value appears in \(hits.count) log lines")
        }
    }
}
