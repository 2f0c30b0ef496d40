// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// 民族: the ethnicity code on a resident ID card (GB 3304 numbering as the readers use it).
///
/// Codes 01–56 are the 56 ethnic groups, 97 is 其他 and 98 is 外国血统中国籍人士.
public struct Ethnicity: RawRepresentable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The code's value: 1–56, 97 or 98.
    public let rawValue: UInt8

    /// Wraps a code; nil outside 1–56, 97 and 98.
    /// - Parameter rawValue: The code's value.
    public init?(rawValue: UInt8) {
        guard (1...56).contains(rawValue) || rawValue == 97 || rawValue == 98 else { return nil }
        self.rawValue = rawValue
    }

    private init(code: UInt8) { rawValue = code }

    /// `01` 汉.
    public static let han = Ethnicity(code: 1)
    /// `97` 其他 (other).
    public static let other = Ethnicity(code: 97)
    /// `98` 外国血统中国籍人士 (Chinese citizen of foreign origin).
    public static let foreignOrigin = Ethnicity(code: 98)

    /// Every code, in code order.
    public static let allCases: [Ethnicity] = (1...56).map { Ethnicity(code: $0) } + [.other, .foreignOrigin]

    private static let names = [
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
        "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
        "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
        "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
        "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
        "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
    ]

    /// The two-digit code as the card stores it, e.g. `01`.
    public var code: String { String(Int(rawValue) + 100).dropFirst().description }

    /// The Chinese name without 族, e.g. `汉`, `其他`, `外国血统中国籍人士`.
    public var chineseName: String {
        switch rawValue {
        case 97: "其他"
        case 98: "外国血统中国籍人士"
        default: Self.names[Int(rawValue) - 1]
        }
    }

    /// The code and the name, e.g. `01 汉`.
    public var description: String { "\(code) \(chineseName)" }
}
