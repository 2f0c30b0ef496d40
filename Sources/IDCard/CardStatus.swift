// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// SW3, the reader's status byte in every response, with its messages and what to do about it.
///
/// Codes and wording follow the research notes §2.2 (softs.im table, HslCommunication). A code not in
/// the table keeps its raw value, has a generic message and is classified ``Classification/retry``.
public struct CardStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The SW3 byte.
    public let rawValue: UInt8

    /// Wraps any SW3 byte.
    /// - Parameter rawValue: The byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `90` 操作成功: the command succeeded.
    public static let success = CardStatus(rawValue: 0x90)
    /// `91` 证/卡中此项无内容: the card has no such item (e.g. no additional address).
    public static let noContent = CardStatus(rawValue: 0x91)
    /// `9F` 寻找证/卡成功: a card is in the field; the data is its IIN.
    public static let cardFound = CardStatus(rawValue: 0x9F)
    /// `10` the reader received a frame with a bad checksum.
    public static let checksumError = CardStatus(rawValue: 0x10)
    /// `11` the reader received a frame with a bad length.
    public static let lengthError = CardStatus(rawValue: 0x11)
    /// `21` the reader does not know the command.
    public static let commandError = CardStatus(rawValue: 0x21)
    /// `23` 越权操作: unauthorised operation (HslCommunication only).
    public static let unauthorisedOperation = CardStatus(rawValue: 0x23)
    /// `24` 无法识别的错误: an error the reader cannot name.
    public static let unrecognisedError = CardStatus(rawValue: 0x24)
    /// `31` 身份证对阅读器认证失败: the card did not accept the reader's SAM.
    public static let readerRejectedByCard = CardStatus(rawValue: 0x31)
    /// `32` 阅读器对身份证认证失败: the SAM did not accept the card.
    public static let cardAuthenticationFailed = CardStatus(rawValue: 0x32)
    /// `33` 信息验证错误: the card's data failed verification.
    public static let verificationFailed = CardStatus(rawValue: 0x33)
    /// `40` 无法识别的卡类型: not an ID card, or an unknown kind.
    public static let unknownCardType = CardStatus(rawValue: 0x40)
    /// `41` 读身份证失败: the read failed (often a card moved or pulled mid-read).
    public static let readFailed = CardStatus(rawValue: 0x41)
    /// `47` 取随机数失败: getting the card's random number failed.
    public static let randomNumberFailed = CardStatus(rawValue: 0x47)
    /// `60` 阅读器自检失败: the SAM failed its self-test and takes no commands.
    public static let selfTestFailed = CardStatus(rawValue: 0x60)
    /// `66` 阅读器未经过授权: the SAM is not authorised.
    public static let notAuthorised = CardStatus(rawValue: 0x66)
    /// `80` 搜寻身份证失败: no card in the field.
    public static let cardNotFound = CardStatus(rawValue: 0x80)
    /// `81` 选取身份证失败: selecting the card failed.
    public static let selectFailed = CardStatus(rawValue: 0x81)

    /// Every status in the table, in code order.
    public static let known: [CardStatus] = [
        .checksumError, .lengthError, .commandError, .unauthorisedOperation, .unrecognisedError,
        .readerRejectedByCard, .cardAuthenticationFailed, .verificationFailed, .unknownCardType, .readFailed,
        .randomNumberFailed, .selfTestFailed, .notAuthorised, .cardNotFound, .selectFailed, .success,
        .noContent, .cardFound,
    ]

    /// What a session does about a status.
    public enum Classification: Sendable, Hashable {
        /// The command did what was asked (including ``CardStatus/noContent``: done, nothing there).
        case success
        /// No card, or a transient failure: start again from find card, within the retry limit.
        case retry
        /// The card itself failed: damaged, forged or not an ID card. Ask for another card.
        case cardError
        /// The reader cannot work until someone fixes it: unplug it and call a technician.
        case callTechnician
    }

    /// What a session does about this status.
    ///
    /// `10`/`11` (the reader saw a garbled frame), `24`, `41`, `47`, `80`, `81` and unknown codes retry;
    /// `31`, `32`, `33`, `40` are card errors; `60` (self-test failed), `66` (not authorised), `21` (the reader
    /// speaks another command set) and `23` (unauthorised operation) need a technician.
    public var classification: Classification {
        switch rawValue {
        case 0x90, 0x91, 0x9F: .success
        case 0x31, 0x32, 0x33, 0x40: .cardError
        case 0x21, 0x23, 0x60, 0x66: .callTechnician
        default: .retry
        }
    }

    /// Whether this code is in the table.
    public var isKnown: Bool { messages != nil }

    /// The Chinese message for staff and citizens, e.g. `搜寻身份证失败`.
    public var chineseMessage: String { messages?.chinese ?? "未知状态 \(hex(rawValue))" }

    /// The English message for logs and technicians, e.g. `no card found`.
    public var englishMessage: String { messages?.english ?? "unknown status \(hex(rawValue))" }

    private var messages: (chinese: String, english: String)? {
        switch rawValue {
        case 0x90: ("操作成功", "success")
        case 0x91: ("证/卡中此项无内容", "the card has no such item")
        case 0x9F: ("寻找证/卡成功", "card found")
        case 0x10: ("接收业务终端数据的校验和错误", "the reader received a bad checksum")
        case 0x11: ("接收业务终端数据的长度错误", "the reader received a bad length")
        case 0x21: ("接收业务终端的命令错误", "the reader does not know the command")
        case 0x23: ("越权操作", "unauthorised operation")
        case 0x24: ("无法识别的错误", "unrecognised error")
        case 0x31: ("身份证对阅读器认证失败", "the card rejected the reader")
        case 0x32: ("阅读器对身份证认证失败", "the reader rejected the card")
        case 0x33: ("信息验证错误", "card data verification failed")
        case 0x40: ("无法识别的卡类型", "unknown card type")
        case 0x41: ("读身份证失败", "reading the card failed")
        case 0x47: ("取随机数失败", "getting the card's random number failed")
        case 0x60: ("阅读器自检失败,不能接收任何命令", "reader self-test failed; it takes no commands")
        case 0x66: ("阅读器未经过授权,无法使用", "reader not authorised")
        case 0x80: ("搜寻身份证失败", "no card found")
        case 0x81: ("选取身份证失败", "selecting the card failed")
        default: nil
        }
    }

    /// The code and the English message, e.g. `0x80 no card found`.
    public var description: String { "\(hex(rawValue)) \(englishMessage)" }
}
