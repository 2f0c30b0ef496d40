// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A card for the ``ReaderEmulator``, described by the fields its text block holds, as the card stores
/// them (dates `yyyyMMdd` or `长期`, sex and ethnicity as digit codes).
///
/// ``textBlock`` lays the fields out byte for byte per the research notes §3.4–3.7 (UCS-2 LE, space-padded,
/// the type character at byte 248), independently of the decoder in `IDCard`, so a test of one checks the
/// other. Prints only its key and type.
public struct EmulatedCard: Sendable, Hashable, Codable, CustomStringConvertible, CustomReflectable {
    /// The four card types.
    public enum CardType: String, Sendable, Hashable, Codable, CaseIterable {
        /// 居民身份证 (type character space).
        case resident
        /// 港澳台居民居住证 (type `J`).
        case residencePermit = "J"
        /// 外国人永久居留身份证, 2017 format (type `I`).
        case foreigner = "I"
        /// 外国人永久居留身份证, 2023 format (type `Y`).
        case foreigner2023 = "Y"
    }

    /// The name a fixture and `--card` use, e.g. `resident`.
    public var key: String
    /// The card type.
    public var type: CardType
    /// 姓名 (resident, `J`) or 中文姓名 (`I`, `Y`).
    public var name: String?
    /// English name (`I`, `Y`).
    public var englishName: String?
    /// Sex code: `1` male, `2` female, `0`, `9`.
    public var sex: String
    /// Ethnicity code `01`…`56`, `97`, `98` (resident only).
    public var ethnicity: String?
    /// 出生日期, `yyyyMMdd`.
    public var birthDate: String
    /// 住址 (resident, `J`).
    public var address: String?
    /// 公民身份号码 (resident, `J`, `Y`) or 永久居留证号码 (`I`).
    public var number: String
    /// 签发机关 (resident, `J`) or the authority code (`I`).
    public var issuingAuthority: String?
    /// First valid day, `yyyyMMdd`.
    public var validFrom: String
    /// Last valid day, `yyyyMMdd` or `长期`.
    public var validTo: String
    /// 通行证号码 (`J`).
    public var passNumber: String?
    /// 签发次数 (`J`) or 换证次数 (`Y`), two digits.
    public var issueCount: String?
    /// Nationality code (`I`, `Y`), e.g. `USA`.
    public var nationality: String?
    /// 证件版本号 (`I`), two characters.
    public var cardVersion: String?
    /// The previous card's number link (`Y`), up to 3 characters.
    public var previousNumberLink: String?
    /// 追加住址: the newest additional address written after issue (a move), answered to `30 03`; `nil`
    /// answers status `91` (no content), as a card without one does.
    public var additionalAddress: String?
    /// How many 512-byte fingerprint templates the card holds (0, 1 or 2), answered to `30 10`.
    public var fingerprintTemplates: Int?

    /// Creates a card; see the properties for which type uses which field.
    /// - Parameters:
    ///   - key: The fixture name.
    ///   - type: The card type.
    ///   - name: The (Chinese) name.
    ///   - englishName: The English name.
    ///   - sex: The sex code.
    ///   - ethnicity: The ethnicity code.
    ///   - birthDate: `yyyyMMdd`.
    ///   - address: The address.
    ///   - number: The card's number.
    ///   - issuingAuthority: The authority.
    ///   - validFrom: `yyyyMMdd`.
    ///   - validTo: `yyyyMMdd` or `长期`.
    ///   - passNumber: The pass number.
    ///   - issueCount: The issue or renewal count.
    ///   - nationality: The nationality code.
    ///   - cardVersion: The card version.
    ///   - previousNumberLink: The previous number link.
    ///   - additionalAddress: The additional address.
    ///   - fingerprintTemplates: The number of fingerprint templates (0–2).
    public init(
        key: String, type: CardType, name: String? = nil, englishName: String? = nil, sex: String,
        ethnicity: String? = nil, birthDate: String, address: String? = nil, number: String,
        issuingAuthority: String? = nil, validFrom: String, validTo: String, passNumber: String? = nil,
        issueCount: String? = nil, nationality: String? = nil, cardVersion: String? = nil,
        previousNumberLink: String? = nil, additionalAddress: String? = nil, fingerprintTemplates: Int? = nil
    ) {
        self.key = key
        self.type = type
        self.name = name
        self.englishName = englishName
        self.sex = sex
        self.ethnicity = ethnicity
        self.birthDate = birthDate
        self.address = address
        self.number = number
        self.issuingAuthority = issuingAuthority
        self.validFrom = validFrom
        self.validTo = validTo
        self.passNumber = passNumber
        self.issueCount = issueCount
        self.nationality = nationality
        self.cardVersion = cardVersion
        self.previousNumberLink = previousNumberLink
        self.additionalAddress = additionalAddress
        self.fingerprintTemplates = fingerprintTemplates
    }

    /// The 256-byte text block, laid out per the research notes.
    public var textBlock: [UInt8] {
        var block = Block()
        switch type {
        case .resident, .residencePermit:
            // §3.4 / §3.5: name 0/30, sex 30/2, ethnicity or reserved 32/4, birth 36/16, address 52/70,
            // number 122/36, authority 158/30, from 188/16, to 204/16.
            block.put(name ?? "", at: 0, bytes: 30)
            block.put(sex, at: 30, bytes: 2)
            if type == .resident { block.put(ethnicity ?? "", at: 32, bytes: 4) }
            block.put(birthDate, at: 36, bytes: 16)
            block.put(address ?? "", at: 52, bytes: 70)
            block.put(number, at: 122, bytes: 36)
            block.put(issuingAuthority ?? "", at: 158, bytes: 30)
            block.put(validFrom, at: 188, bytes: 16)
            block.put(validTo, at: 204, bytes: 16)
            if type == .residencePermit {
                // Pass number 220/18, issue count 238/4, type 'J' at 248.
                block.put(passNumber ?? "", at: 220, bytes: 18)
                block.put(issueCount ?? "", at: 238, bytes: 4)
                block.put("J", at: 248, bytes: 2)
            }
        case .foreigner:
            // §3.6: English name 0/120, sex 120/2, permit 122/30, nationality 152/6, Chinese name 158/30,
            // issued 188/16, expires 204/16, birth 220/16, version 236/4, authority 240/8, 'I' at 248.
            block.put(englishName ?? "", at: 0, bytes: 120)
            block.put(sex, at: 120, bytes: 2)
            block.put(number, at: 122, bytes: 30)
            block.put(nationality ?? "", at: 152, bytes: 6)
            block.put(name ?? "", at: 158, bytes: 30)
            block.put(validFrom, at: 188, bytes: 16)
            block.put(validTo, at: 204, bytes: 16)
            block.put(birthDate, at: 220, bytes: 16)
            block.put(cardVersion ?? "", at: 236, bytes: 4)
            block.put(issuingAuthority ?? "", at: 240, bytes: 8)
            block.put("I", at: 248, bytes: 2)
        case .foreigner2023:
            // §3.7: Chinese name 0/30, sex 30/2, renewals 32/4, birth 36/16, English name chars 1–35 at 52/70,
            // number 122/36, reserved 158/30, issued 188/16, expires 204/16, English chars 36–46 at 220/22,
            // nationality 242/6, 'Y' at 248, previous number link 250/6.
            let english = Array((englishName ?? "").utf16)
            block.put(name ?? "", at: 0, bytes: 30)
            block.put(sex, at: 30, bytes: 2)
            block.put(issueCount ?? "", at: 32, bytes: 4)
            block.put(birthDate, at: 36, bytes: 16)
            block.put(units: Array(english.prefix(35)), at: 52, bytes: 70)
            block.put(number, at: 122, bytes: 36)
            block.put(validFrom, at: 188, bytes: 16)
            block.put(validTo, at: 204, bytes: 16)
            block.put(units: Array(english.dropFirst(35).prefix(11)), at: 220, bytes: 22)
            block.put(nationality ?? "", at: 242, bytes: 6)
            block.put("Y", at: 248, bytes: 2)
            block.put(previousNumberLink ?? "", at: 250, bytes: 6)
        }
        return block.bytes
    }

    /// Dummy WLT photo bytes: 1024 bytes derived from the key, so two cards' photos differ.
    public var photo: [UInt8] { dummyBytes(count: 1024, salt: "photo") }

    /// Dummy fingerprint templates: 512 bytes per template, derived from the key.
    public var fingerprint: [UInt8] {
        dummyBytes(count: 512 * min(max(fingerprintTemplates ?? 0, 0), 2), salt: "fingerprint")
    }

    /// The additional address as the card answers it: UCS-2 LE, space-padded to 70 bytes.
    public var additionalAddressBlock: [UInt8]? {
        additionalAddress.map { address in
            var block = Block()
            block.put(address, at: 0, bytes: 70)
            return Array(block.bytes.prefix(70))
        }
    }

    private func dummyBytes(count: Int, salt: String) -> [UInt8] {
        var state = (salt + key).utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    /// The key and the type only.
    public var description: String { "EmulatedCard(\(key), \(type.rawValue))" }

    /// The key and the type only, so `dump` shows no field.
    public var customMirror: Mirror { Mirror(self, children: ["key": key, "type": type], displayStyle: .struct) }

    /// A space-filled block written in UCS-2 LE.
    private struct Block {
        var bytes: [UInt8] = (0..<256).map { $0 % 2 == 0 ? 0x20 : 0x00 }

        mutating func put(_ text: String, at offset: Int, bytes length: Int) {
            put(units: Array(text.utf16), at: offset, bytes: length)
        }

        mutating func put(units: [UInt16], at offset: Int, bytes length: Int) {
            for (index, unit) in units.prefix(length / 2).enumerated() {
                bytes[offset + 2 * index] = UInt8(unit & 0xFF)
                bytes[offset + 2 * index + 1] = UInt8(unit >> 8)
            }
        }
    }
}
