// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard

/// Test data built from the research notes, independently of the module's own layout tables.
///
/// No verbatim text block is published (notes §5.2, "NOT FOUND"), so the blocks here are CONSTRUCTED:
/// field values encoded as UCS-2 LE at the byte offsets of notes §3.4–3.7, padded with spaces.
enum Fixtures {
    /// Parses `"AA AA 96"` into bytes.
    static func bytes(_ hex: String) -> [UInt8] {
        hex.split(separator: " ").map { UInt8($0, radix: 16)! }
    }

    /// A 256-byte block of spaces (`20 00`) with the given fields written in UCS-2 LE.
    static func block(_ fields: [(offset: Int, length: Int, text: String)]) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 256)
        for index in stride(from: 0, to: 256, by: 2) { block[index] = 0x20 }
        for field in fields {
            let units = Array(field.text.utf16)
            precondition(units.count * 2 <= field.length, "fixture field too long")
            for (index, unit) in units.enumerated() {
                block[field.offset + 2 * index] = UInt8(unit & 0xFF)
                block[field.offset + 2 * index + 1] = UInt8(unit >> 8)
            }
        }
        return block
    }

    /// Clear values that must never appear in any printed or encoded form.
    static let residentName = "张三丰"
    static let residentNumber = "320102195503121230"
    static let permitName = "陈大文"
    static let permitNumber = "810000198001010014"
    static let passNumber = "H12345678"
    static let foreignerEnglishName = "JOHN SMITH"
    static let foreignerChineseName = "史密斯"
    static let foreignerPermit = "USA310085061502"
    static let foreigner2023EnglishName = "ALEXANDRA KATHERINE MONTGOMERY-WILLIAMS BROWN"
    static let foreigner2023ChineseName = "蒙哥马利"
    static let foreigner2023Number = "910156198506150021"

    /// 居民身份证, notes §3.4.
    static let residentBlock = block([
        (0, 30, residentName), (30, 2, "1"), (32, 4, "01"), (36, 16, "19550312"),
        (52, 70, "江苏省南京市玄武区中山路100号"), (122, 36, residentNumber), (158, 30, "南京市公安局玄武分局"),
        (188, 16, "20150601"), (204, 16, "长期"),
    ])

    /// 港澳台居民居住证 'J', notes §3.5.
    static let permitBlock = block([
        (0, 30, permitName), (30, 2, "1"), (36, 16, "19800101"), (52, 70, "广东省深圳市福田区福华路1号"),
        (122, 36, permitNumber), (158, 30, "深圳市公安局福田分局"), (188, 16, "20200110"), (204, 16, "20250110"),
        (220, 18, passNumber), (238, 4, "02"), (248, 2, "J"),
    ])

    /// 外国人永久居留身份证 2017 'I', notes §3.6.
    static let foreignerBlock = block([
        (0, 120, foreignerEnglishName), (120, 2, "1"), (122, 30, foreignerPermit), (152, 6, "USA"),
        (158, 30, foreignerChineseName), (188, 16, "20180301"), (204, 16, "20280301"), (220, 16, "19700815"),
        (236, 4, "10"), (240, 8, "3100"), (248, 2, "I"),
    ])

    /// 外国人永久居留身份证 2023 'Y', notes §3.7; the 46-character English name spans both slots.
    static let foreigner2023Block = block([
        (0, 30, foreigner2023ChineseName), (30, 2, "2"), (32, 4, "00"), (36, 16, "19850615"),
        (52, 70, String(foreigner2023EnglishName.prefix(35))), (122, 36, foreigner2023Number),
        (188, 16, "20231201"), (204, 16, "20331201"), (220, 22, String(foreigner2023EnglishName.dropFirst(35))),
        (242, 6, "156"), (248, 2, "Y"), (250, 6, "001"),
    ])

    /// Every clear name and number above.
    static let secrets = [
        residentName, residentNumber, permitName, permitNumber, passNumber, foreignerEnglishName,
        foreignerChineseName, foreignerPermit, foreigner2023EnglishName, foreigner2023ChineseName,
        foreigner2023Number, "中山路", "福华路",
    ]

    /// The four blocks decoded.
    static func identities() throws -> [CardIdentity] {
        try [residentBlock, permitBlock, foreignerBlock, foreigner2023Block].map { try TextBlock.decode($0) }
    }
}
