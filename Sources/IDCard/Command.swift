// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A host-to-reader command: `CMD Para Data`.
///
/// The static members are the commands a reader session needs, with the bytes from the research notes
/// (§2.1). Any other `CMD Para` pair (a vendor's pre-authentication, a sniffed unknown) can be held too;
/// its ``name`` says so.
public struct Command: Sendable, Hashable, CustomStringConvertible {
    /// The command byte, `CMD`.
    public let code: UInt8
    /// The parameter byte, `Para`.
    public let parameter: UInt8
    /// The data after `Para`, usually empty.
    public let data: [UInt8]

    /// Creates any command.
    /// - Parameters:
    ///   - code: The `CMD` byte.
    ///   - parameter: The `Para` byte.
    ///   - data: The data after `Para`.
    /// - Throws: ``IDCardError/Code/dataTooLong`` when the frame would exceed ``Frame/maximumLength``.
    public init(code: UInt8, parameter: UInt8, data: [UInt8] = []) throws(IDCardError) {
        guard data.count + 3 <= Frame.maximumLength else {
            throw IDCardError(.dataTooLong, "command data of \(data.count) bytes")
        }
        self.init(uncheckedCode: code, parameter: parameter, data: data)
    }

    private init(uncheckedCode code: UInt8, parameter: UInt8, data: [UInt8] = []) {
        self.code = code
        self.parameter = parameter
        self.data = data
    }

    /// Reads a frame as a command. Any frame can be read so (its body has at least 2 bytes).
    /// - Parameter frame: A frame sent by the host.
    public init(frame: Frame) {
        self.init(uncheckedCode: frame.body[0], parameter: frame.body[1], data: Array(frame.body.dropFirst(2)))
    }

    /// 复位SAM — resets the SAM (`10 FF`).
    public static let resetSAM = Command(uncheckedCode: 0x10, parameter: 0xFF)
    /// SAM状态检测 — asks whether the SAM works (`11 FF`); the answer is ``CardStatus/success`` when it does.
    public static let samStatus = Command(uncheckedCode: 0x11, parameter: 0xFF)
    /// 读SAM管理信息 — reads the SAM's 16-byte id (`12 FF`); decode the answer with ``SAMID``.
    public static let readSAMID = Command(uncheckedCode: 0x12, parameter: 0xFF)
    /// 寻找证/卡 — looks for a card in the field (`20 01`); ``CardStatus/cardFound`` when one is there.
    public static let findCard = Command(uncheckedCode: 0x20, parameter: 0x01)
    /// 选取证/卡 — selects the card found (`20 02`).
    public static let selectCard = Command(uncheckedCode: 0x20, parameter: 0x02)
    /// 读基本信息 — reads the text and the photo (`30 01`); decode with ``CardRead/init(textAndPhoto:)``.
    public static let readTextAndPhoto = Command(uncheckedCode: 0x30, parameter: 0x01)
    /// 读最新追加住址信息 — reads the newest additional address (`30 03`); see ``Address/init(additionalAddress:)``.
    public static let readAdditionalAddress = Command(uncheckedCode: 0x30, parameter: 0x03)
    /// 读全部信息 — reads text, photo and fingerprints (`30 10`); decode with ``CardRead/init(withFingerprint:)``.
    public static let readWithFingerprint = Command(uncheckedCode: 0x30, parameter: 0x10)

    /// 设置波特率 — sets the reader's UART speed (`60 0x`); the reader answers at the old speed.
    /// - Parameter speed: The new speed.
    /// - Returns: The command.
    public static func setLineSpeed(_ speed: LineSpeed) -> Command {
        Command(uncheckedCode: 0x60, parameter: speed.rawValue)
    }

    /// Sets the maximum RF bytes per exchange (`61 FF` + 1 byte); name and meaning from hev-idcard-reader only.
    /// - Parameter count: The byte count; hev-idcard-reader sends `0x50`.
    /// - Returns: The command.
    public static func setMaximumRFBytes(_ count: UInt8 = 0x50) -> Command {
        Command(uncheckedCode: 0x61, parameter: 0xFF, data: [count])
    }

    /// Whether this `CMD Para` pair is one of the commands above.
    public var isKnown: Bool { knownName != nil }

    /// The English name, e.g. `find card`; `unknown command 0x00 0x81` for others.
    public var name: String { knownName?.english ?? "unknown command \(hex(code)) \(hex(parameter))" }

    /// The Chinese name, e.g. `寻找证/卡`; `未知命令 0x00 0x81` for others.
    public var chineseName: String { knownName?.chinese ?? "未知命令 \(hex(code)) \(hex(parameter))" }

    private var knownName: (english: String, chinese: String)? {
        switch (code, parameter) {
        case (0x10, 0xFF): ("reset SAM", "复位SAM")
        case (0x11, 0xFF): ("SAM status", "SAM状态检测")
        case (0x12, 0xFF): ("read SAM id", "读SAM管理信息")
        case (0x20, 0x01): ("find card", "寻找证/卡")
        case (0x20, 0x02): ("select card", "选取证/卡")
        case (0x30, 0x01): ("read text and photo", "读基本信息")
        case (0x30, 0x03): ("read additional address", "读最新追加住址信息")
        case (0x30, 0x10): ("read text, photo and fingerprint", "读全部信息")
        case (0x60, _):
            LineSpeed(rawValue: parameter).map {
                ("set line speed \($0.bitsPerSecond)", "设置波特率 \($0.bitsPerSecond)")
            }
        case (0x61, 0xFF): ("set maximum RF bytes", "设置射频适配器最大通信字节数")
        default: nil
        }
    }

    /// The frame carrying this command.
    public var frame: Frame { Frame(uncheckedBody: [code, parameter] + data) }

    /// The bytes on the wire, e.g. `AA AA AA 96 69 00 03 20 01 22` for ``findCard``.
    public var encoded: [UInt8] { frame.encoded }

    /// The name and the bytes, e.g. `find card (0x20 0x01)`; data is only counted.
    public var description: String {
        "\(name) (\(hex(code)) \(hex(parameter))\(data.isEmpty ? "" : " +\(data.count) bytes"))"
    }
}

/// A UART speed the reader can be switched to with ``Command/setLineSpeed(_:)``.
public struct LineSpeed: RawRepresentable, Sendable, Hashable, CaseIterable {
    /// The `Para` byte of command `60`.
    public let rawValue: UInt8

    /// Wraps a `Para` byte; nil when no speed has that code.
    /// - Parameter rawValue: 0 to 4.
    public init?(rawValue: UInt8) {
        guard rawValue <= 4 else { return nil }
        self.rawValue = rawValue
    }

    private init(code: UInt8) { rawValue = code }

    /// 115200 bit/s (`60 00`), the readers' default.
    public static let baud115200 = LineSpeed(code: 0)
    /// 57600 bit/s (`60 01`).
    public static let baud57600 = LineSpeed(code: 1)
    /// 38400 bit/s (`60 02`).
    public static let baud38400 = LineSpeed(code: 2)
    /// 19200 bit/s (`60 03`).
    public static let baud19200 = LineSpeed(code: 3)
    /// 9600 bit/s (`60 04`).
    public static let baud9600 = LineSpeed(code: 4)

    /// Every speed, fastest first.
    public static let allCases: [LineSpeed] = [.baud115200, .baud57600, .baud38400, .baud19200, .baud9600]

    /// The speed in bits per second.
    public var bitsPerSecond: Int { [115_200, 57_600, 38_400, 19_200, 9_600][Int(rawValue)] }
}
