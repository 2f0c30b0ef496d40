// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A printer's answers to the ESC/POS real-time status requests `DLE EOT n`, decoded.
///
/// The bits follow the Epson TM-T88III / TM-L60II, Bixolon SRP-350 and Samsung STP-131 manuals (research
/// notes, printing §3): every answer has bit 1 and bit 4 set and bits 0 and 7 clear, so an idle printer
/// answers `0x12` to each request.
/// - `n = 1` printer status: bit 3 offline (bit 2 is the drawer pin, not used).
/// - `n = 2` offline cause: bit 2 cover open, bit 3 feed button pressed, bit 5 stopped for paper end,
///   bit 6 error.
/// - `n = 4` roll paper sensor: bits 2–3 paper near end, bits 5–6 paper end (`0x72` = no paper).
public struct RealTimeStatus: Sendable, Hashable {
    /// A status request: the `n` of `DLE EOT n`.
    public struct Request: Sendable, Hashable {
        /// The `n` byte.
        public let number: UInt8

        /// `DLE EOT 1`: printer status.
        public static let printer = Request(number: 1)
        /// `DLE EOT 2`: offline cause.
        public static let offlineCause = Request(number: 2)
        /// `DLE EOT 3`: error cause.
        public static let errorCause = Request(number: 3)
        /// `DLE EOT 4`: roll paper sensor.
        public static let paperSensor = Request(number: 4)

        /// The three requests a status check sends, in order.
        public static let check: [Request] = [.printer, .offlineCause, .paperSensor]

        /// The bytes of the request: `10 04 n`.
        public var bytes: [UInt8] { [0x10, 0x04, number] }
    }

    /// The printer is offline (`n = 1`, bit 3).
    public var isOffline: Bool
    /// The cover is open (`n = 2`, bit 2).
    public var isCoverOpen: Bool
    /// The feed button is being pressed (`n = 2`, bit 3).
    public var isFeedButtonPressed: Bool
    /// Printing stopped because the paper ran out (`n = 2`, bit 5).
    public var isStoppedByPaperEnd: Bool
    /// An error occurred (`n = 2`, bit 6).
    public var hasError: Bool
    /// The roll is near its end (`n = 4`, bits 2–3).
    public var isPaperNearEnd: Bool
    /// There is no paper (`n = 4`, bits 5–6).
    public var isPaperEnd: Bool

    /// Decodes the answers to `DLE EOT 1`, `2` and `4`.
    /// - Parameters:
    ///   - printer: The answer to `DLE EOT 1`.
    ///   - offlineCause: The answer to `DLE EOT 2`.
    ///   - paperSensor: The answer to `DLE EOT 4`.
    /// - Throws: ``PrinterLinkError/Code/badStatus`` when an answer breaks the fixed bits.
    public init(printer: UInt8, offlineCause: UInt8, paperSensor: UInt8) throws(PrinterLinkError) {
        for (request, byte) in zip(Request.check, [printer, offlineCause, paperSensor]) {
            guard Self.hasFixedBits(byte) else {
                let hex = String(byte, radix: 16, uppercase: true)
                throw PrinterLinkError(.badStatus, "DLE EOT \(request.number) answered 0x\(hex)")
            }
        }
        isOffline = printer & 0x08 != 0
        isCoverOpen = offlineCause & 0x04 != 0
        isFeedButtonPressed = offlineCause & 0x08 != 0
        isStoppedByPaperEnd = offlineCause & 0x20 != 0
        hasError = offlineCause & 0x40 != 0
        isPaperNearEnd = paperSensor & 0x0C != 0
        isPaperEnd = paperSensor & 0x60 != 0
    }

    /// Whether a status byte has the fixed bits of every `DLE EOT` answer: bits 1 and 4 set, 0 and 7 clear.
    /// - Parameter byte: An answer byte.
    /// - Returns: `true` when it can be a status answer.
    public static func hasFixedBits(_ byte: UInt8) -> Bool {
        byte & 0b1001_0011 == 0b0001_0010
    }

    /// The one state a person must act on first.
    public var state: PrinterState {
        if isCoverOpen { return .coverOpen }
        if isPaperEnd || isStoppedByPaperEnd { return .paperOut }
        if hasError { return .printerError }
        if isOffline { return .offline }
        if isPaperNearEnd { return .paperNearEnd }
        return .ready
    }
}
