// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The cards an emulator can present, from a JSON file: `{"cards": [ {EmulatedCard}, … ]}`.
///
/// Each card is an ``EmulatedCard`` object (`key`, `type` — `resident`, `J`, `I` or `Y` — and its fields).
/// ``builtIn`` holds one made-up card of each type, for `kioskd emulate reader` without `--fixture`.
public struct EmulatorFixture: Sendable, Hashable, Codable {
    /// The cards, in file order.
    public var cards: [EmulatedCard]

    /// Creates a fixture.
    /// - Parameter cards: The cards.
    public init(cards: [EmulatedCard]) {
        self.cards = cards
    }

    /// Reads a fixture file.
    /// - Parameter path: The JSON file.
    /// - Throws: ``ReaderError/Code/invalidFixture`` when the file cannot be read or decoded, or two cards
    ///   share a key.
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReaderError(.invalidFixture, "\(path): cannot read the file", underlying: nil)
        }
        try self.init(json: data, source: path)
    }

    /// Decodes a fixture.
    /// - Parameters:
    ///   - json: The JSON document.
    ///   - source: A name for errors.
    /// - Throws: ``ReaderError/Code/invalidFixture``.
    public init(json: Data, source: String = "fixture") throws {
        do {
            self = try JSONDecoder().decode(Self.self, from: json)
        } catch {
            throw ReaderError(.invalidFixture, "\(source): not a fixture (\(type(of: error)))", underlying: nil)
        }
        var keys = Set<String>()
        for card in cards where !keys.insert(card.key).inserted {
            throw ReaderError(.invalidFixture, "\(source): two cards named \(card.key)")
        }
    }

    /// The card with this key.
    /// - Parameter key: e.g. `resident`.
    /// - Returns: The card, or nil.
    public func card(_ key: String) -> EmulatedCard? {
        cards.first { $0.key == key }
    }

    /// One made-up card of each type: `resident`, `residence-permit`, `foreigner`, `foreigner-2023`.
    /// The numbers carry valid check characters; the names and numbers belong to nobody.
    public static let builtIn = EmulatorFixture(cards: [
        EmulatedCard(
            key: "resident", type: .resident, name: "王测试", sex: "1", ethnicity: "01",
            birthDate: "19560815", address: "江苏省南京市玄武区测试路1号", number: "320102195608151233",
            issuingAuthority: "南京市公安局玄武分局", validFrom: "20160101", validTo: "长期",
            additionalAddress: "江苏省南京市鼓楼区测试街5号", fingerprintTemplates: 2
        ),
        EmulatedCard(
            key: "residence-permit", type: .residencePermit, name: "陈测试", sex: "2",
            birthDate: "19900101", address: "广东省深圳市福田区测试大道2号", number: "810000199001011230",
            issuingAuthority: "深圳市公安局", validFrom: "20200101", validTo: "20250101",
            passNumber: "H01234567", issueCount: "01"
        ),
        EmulatedCard(
            key: "foreigner", type: .foreigner, name: "安测试", englishName: "TESTER ALPHA BRAVO", sex: "1",
            birthDate: "19800202", number: "USA110080020201", issuingAuthority: "1100", validFrom: "20170601",
            validTo: "20270601", nationality: "USA", cardVersion: "01"
        ),
        EmulatedCard(
            key: "foreigner-2023", type: .foreigner2023, name: "白测试",
            englishName: "CHARLIE DELTA ECHO FOXTROT GOLF HOTEL INDIA", sex: "2", birthDate: "19850620",
            number: "933156198506200013", validFrom: "20230101", validTo: "20330101", issueCount: "00",
            nationality: "CAN", previousNumberLink: "001"
        ),
    ])
}
