// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// 性别: the sex code of GB/T 2261.1 as the card stores it, one digit.
public struct Sex: RawRepresentable, Sendable, Hashable, CaseIterable, CustomStringConvertible, Encodable {
    /// The digit's value: 0, 1, 2 or 9.
    public let rawValue: UInt8

    /// Wraps a code; nil for anything but 0, 1, 2 and 9.
    /// - Parameter rawValue: The code's value.
    public init?(rawValue: UInt8) {
        guard [0, 1, 2, 9].contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(code: UInt8) { rawValue = code }

    /// `0` 未知的性别.
    public static let unknown = Sex(code: 0)
    /// `1` 男.
    public static let male = Sex(code: 1)
    /// `2` 女.
    public static let female = Sex(code: 2)
    /// `9` 未说明的性别.
    public static let unspecified = Sex(code: 9)

    /// Every code.
    public static let allCases: [Sex] = [.unknown, .male, .female, .unspecified]

    /// The code as the card stores it, e.g. `1`.
    public var code: String { String(rawValue) }

    /// `male`, `female`, `unknown` or `unspecified`; also the JSON form.
    public var name: String {
        switch rawValue {
        case 1: "male"
        case 2: "female"
        case 9: "unspecified"
        default: "unknown"
        }
    }

    /// `男`, `女`, `未知` or `未说明`.
    public var chineseName: String {
        switch rawValue {
        case 1: "男"
        case 2: "女"
        case 9: "未说明"
        default: "未知"
        }
    }

    /// The English name.
    public var description: String { name }

    /// Encodes ``name``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
