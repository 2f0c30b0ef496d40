// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Logging
@testable import Reader
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct ReaderSessionTests {
    /// Reads one fixture card through the in-process emulator.
    static func readCard(_ key: String, logger: Logger) async throws -> (EmulatedCard, ReaderSession.Outcome) {
        let card = try #require(try Fixtures.load().card(key))
        let emulator = ReaderEmulator(card: card, logger: logger)
        let outcome = try await withEmulatedReader(emulator, logger: logger) { await $0.readCard() }
        return (card, outcome)
    }

    @Test(arguments: Fixtures.keys)
    func readsEveryCardTypeWithAMaskedDescription(key: String) async throws {
        let (card, outcome) = try await Self.readCard(key, logger: LogStore().logger())
        let reading = try #require(outcome.reading)
        let identity = reading.read.identity
        let expectedType = [
            "resident": "resident", "residence-permit": "residence_permit", "foreigner": "foreign_permanent_resident",
            "foreigner-2023": "foreign_permanent_resident_2023",
        ][key]
        #expect(identity.cardType == expectedType)
        #expect(identity.revealedNumber == card.number)
        #expect(identity.birthDateForAgeRule == card.birthDate)
        #expect(reading.read.photo == card.photo)
        #expect(reading.read.photo.count == 1024)
        let name = try #require(card.name)
        #expect(identity.name.revealed == name)
        for text in [String(describing: reading), String(reflecting: reading), String(describing: outcome)] {
            #expect(!text.contains(card.number))
            #expect(!text.contains(name))
            #expect(text.contains(identity.maskedNumber))
        }
    }

    @Test func residentFieldsDecodeFromTheEmulatedTextBlock() async throws {
        let (card, outcome) = try await Self.readCard("resident", logger: LogStore().logger())
        guard case .resident(let resident) = try #require(outcome.reading).read.identity else {
            Issue.record("not a resident card")
            return
        }
        #expect(resident.address.revealed == card.address)
        #expect(resident.ethnicity.code == card.ethnicity)
        #expect(resident.validity.end.cardText == card.validTo)
        #expect(resident.idNumber.masked == "4403**********4563")
    }

    @Test func emulatedTextBlockPutsTheTypeCharacterAtByte248() throws {
        let fixture = try Fixtures.load()
        let expected: [String: UInt8] = ["resident": 0x20, "residence-permit": 0x4A, "foreigner": 0x49, "foreigner-2023": 0x59]
        for card in fixture.cards {
            let block = card.textBlock
            #expect(block.count == 256)
            #expect(block[248] == expected[card.key])
            #expect(block[249] == 0)
        }
    }

    @Test func noCardIsNoCard() async throws {
        let logger = LogStore().logger()
        let emulator = ReaderEmulator(card: nil, logger: logger)
        let outcome = try await withEmulatedReader(emulator, logger: logger) { await $0.readCard() }
        #expect(outcome.isNoCard)
    }

    /// Runs one fault against the resident card.
    static func fault(_ fault: EmulatorFault, logger: Logger) async throws -> ReaderSession.Outcome {
        let card = try #require(try Fixtures.load().card("resident"))
        // Slower than every fastSession timeout.
        let emulator = ReaderEmulator(card: card, fault: fault, slowDelay: .seconds(3), logger: logger)
        return try await withEmulatedReader(emulator, logger: logger) { await $0.readCard() }
    }

    @Test(arguments: [
        (EmulatorFault.cardPulledMidRead, ReaderError.Code.cardRemoved),
        (.badChecksum, .badFrame),
        (.slowSAM, .timeout),
        (.selfTestFailure, .needsTechnician),
    ])
    func faultGivesItsTypedErrorAndNoIdentity(fault: EmulatorFault, code: ReaderError.Code) async throws {
        let outcome = try await Self.fault(fault, logger: LogStore().logger())
        #expect(outcome.reading == nil)
        #expect(outcome.error?.code == code)
    }

    @Test func noCardFaultHidesThePresentCard() async throws {
        let outcome = try await Self.fault(.noCard, logger: LogStore().logger())
        #expect(outcome.isNoCard)
    }

    @Test func garbageBeforeFramesIsSkippedAndTheCardStillRead() async throws {
        let store = LogStore()
        let outcome = try await Self.fault(.garbage, logger: store.logger())
        #expect(outcome.reading?.read.identity.cardType == "resident")
        #expect(store.all.contains { $0.contains("Skipped garbage before a frame") })
    }

    @Test func selfTestFailureIsReportedByTheSAMCheck() async throws {
        let logger = LogStore().logger()
        let emulator = ReaderEmulator(card: nil, fault: .selfTestFailure, logger: logger)
        let error = try await withEmulatedReader(emulator, logger: logger) { session in
            do {
                try await session.checkSAM()
                return ReaderError?.none
            } catch let error as ReaderError {
                return error
            }
        }
        #expect(error?.code == .needsTechnician)
        #expect(error?.status == .selfTestFailed)
    }

    @Test func closedLinkIsDisconnected() async throws {
        let logger = LogStore().logger()
        let (host, device) = try ReaderEmulator.connectedPair()
        await device.close()
        let session = ReaderSession(transport: host, configuration: fastSession, logger: logger)
        let outcome = await session.readCard()
        #expect(outcome.error?.code == .disconnected)
    }
}

struct EmulatorFixtureTests {
    @Test(arguments: Fixtures.keys)
    func builtInCardsReadBackWithTheirNumbers(key: String) async throws {
        let card = try #require(EmulatorFixture.builtIn.card(key))
        let logger = LogStore().logger()
        let outcome = try await withEmulatedReader(ReaderEmulator(card: card, logger: logger), logger: logger) {
            await $0.readCard()
        }
        #expect(outcome.reading?.read.identity.revealedNumber == card.number)
    }

    @Test func duplicateKeysAreAnInvalidFixture() throws {
        let json = #"{"cards": [{"key": "a", "type": "resident", "sex": "1", "birthDate": "20000101", "number": "1", "validFrom": "20000101", "validTo": "20100101"}, {"key": "a", "type": "I", "sex": "1", "birthDate": "20000101", "number": "1", "validFrom": "20000101", "validTo": "20100101"}]}"#
        #expect(throws: ReaderError(.invalidFixture)) { try EmulatorFixture(json: Data(json.utf8)) }
        #expect(throws: ReaderError(.invalidFixture)) { try EmulatorFixture(json: Data("[]".utf8)) }
    }
}

/// The optional parts of a read: fingerprint templates (`30 10`) and the newest additional address (`30 03`).
struct ReaderSessionOptionalPartsTests {
    @Test func readsFingerprintTemplatesOnlyWhenAsked() async throws {
        let card = try #require(try Fixtures.load().card("resident"))
        var configuration = fastSession
        configuration.readsFingerprint = true
        let withPrints = try await withEmulatedReader(
            ReaderEmulator(card: card, logger: LogStore().logger()), configuration: configuration, logger: LogStore().logger()
        ) { await $0.readCard() }
        let reading = try #require(withPrints.reading)
        #expect(reading.read.fingerprint.count == 1024)
        #expect(reading.read.fingerprint == card.fingerprint)
        #expect(reading.read.identity.revealedNumber == card.number)

        let (_, plain) = try await ReaderSessionTests.readCard("resident", logger: LogStore().logger())
        #expect(try #require(plain.reading).read.fingerprint.isEmpty)
    }

    /// [YZSAM] in the research notes (§3.3): a full read is 1297 bytes on the wire with no fingerprint,
    /// 1809 with one 512-byte template and 2321 with two.
    @Test(arguments: [(0, 1297), (1, 1809), (2, 2321)])
    func fingerprintAnswerHasThePublishedFrameLength(templates: Int, frameLength: Int) throws {
        var card = try #require(try Fixtures.load().card("resident"))
        card.fingerprintTemplates = templates
        let emulator = ReaderEmulator(card: card, logger: LogStore().logger())
        _ = emulator.respond(to: .findCard)
        _ = emulator.respond(to: .selectCard)
        let answer = emulator.respond(to: .readWithFingerprint).flatMap(\.bytes)
        #expect(answer.count == frameLength)
    }

    @Test func readsTheAdditionalAddressWhenAskedAndReportsNoneForACardWithout() async throws {
        var configuration = fastSession
        configuration.readsAdditionalAddress = true
        let fixture = try Fixtures.load()
        let moved = try #require(fixture.card("resident"))
        let outcome = try await withEmulatedReader(
            ReaderEmulator(card: moved, logger: LogStore().logger()), configuration: configuration, logger: LogStore().logger()
        ) { await $0.readCard() }
        let reading = try #require(outcome.reading)
        let address = try #require(reading.additionalAddress)
        #expect(address.revealed == moved.additionalAddress)
        for text in [String(describing: reading), String(reflecting: reading)] {
            #expect(!text.contains(address.revealed))
        }

        let unmoved = try #require(fixture.card("residence-permit"))
        let none = try await withEmulatedReader(
            ReaderEmulator(card: unmoved, logger: LogStore().logger()), configuration: configuration, logger: LogStore().logger()
        ) { await $0.readCard() }
        let plain = try #require(none.reading)
        #expect(plain.additionalAddress == nil)
        #expect(plain.read.identity.revealedNumber == unmoved.number)
    }
}
