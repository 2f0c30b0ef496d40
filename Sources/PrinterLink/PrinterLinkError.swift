// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import DeviceIO

/// Why a printer link could not be opened, a write failed, or a status answer made no sense.
///
/// ``description`` names the code and a context (a device path, a byte value), never ticket contents.
/// Errors compare by code only.
public struct PrinterLinkError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case openFailed = "open_failed"
            case disconnected
            case timeout
            case ioFailed = "io_failed"
            case cancelled
            case badStatus = "bad_status"
        }

        fileprivate let base: Base

        /// The device is missing, not ours to open (permissions), in use, or its line settings were refused.
        public static let openFailed = Code(base: .openFailed)
        /// The printer was unplugged or switched off while the link was open.
        public static let disconnected = Code(base: .disconnected)
        /// The printer took no bytes within the write's timeout (a full buffer that never drains).
        public static let timeout = Code(base: .timeout)
        /// A system call on the link failed in another way.
        public static let ioFailed = Code(base: .ioFailed)
        /// The task was cancelled.
        public static let cancelled = Code(base: .cancelled)
        /// A real-time status answer broke the fixed bits of `DLE EOT` (bit 1 and bit 4 set, bit 0 and bit 7
        /// clear): line noise, a wrong baud rate, or not an ESC/POS printer.
        public static let badStatus = Code(base: .badStatus)

        /// The stable snake_case form, e.g. `bad_status`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// Where it happened: a device path, a call, a status byte; never ticket contents.
    public let context: String
    /// The link error behind this one, if any.
    public let underlying: DeviceIOError?

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - context: Where it happened.
    ///   - underlying: The link error behind this one.
    public init(_ code: Code, _ context: String = "", underlying: DeviceIOError? = nil) {
        self.code = code
        self.context = context
        self.underlying = underlying
    }

    /// The printer error with the same code as a link error.
    /// - Parameter error: The link error, kept as ``underlying``.
    public init(_ error: DeviceIOError) {
        let code: Code =
            switch error.code {
            case .openFailed: .openFailed
            case .disconnected: .disconnected
            case .timeout: .timeout
            case .cancelled: .cancelled
            default: .ioFailed
            }
        self.init(code, error.context, underlying: error)
    }

    /// The code and the context, e.g. `open_failed (/dev/usb/lp0: open: errno 2)`.
    public var description: String { context.isEmpty ? code.description : "\(code) (\(context))" }

    /// The description and the underlying link error.
    public var debugDescription: String {
        "PrinterLinkError(\(description)" + (underlying.map { ", underlying: \($0.debugDescription)" } ?? "") + ")"
    }

    /// Errors compare by code only.
    public static func == (lhs: PrinterLinkError, rhs: PrinterLinkError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching ``==``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
