// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why a device link could not be opened or a read or write on it failed.
///
/// ``description`` names the code and a context (a device path, a call, an `errno`), never the bytes moved.
/// ``debugDescription`` adds the source location. Errors compare by code only.
public struct DeviceIOError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case disconnected
            case timeout
            case openFailed = "open_failed"
            case ioFailed = "io_failed"
            case cancelled
        }

        fileprivate let base: Base

        /// The link is gone: the device was unplugged, the tty hung up (`EIO`, `ENXIO`, end of file), the
        /// peer closed, or the link was closed. Reopen the device to continue.
        public static let disconnected = Code(base: .disconnected)
        /// The device could not take the bytes within the write's timeout.
        public static let timeout = Code(base: .timeout)
        /// The device could not be opened or configured: missing, no permission, in use, not a terminal, or an
        /// unsupported line speed.
        public static let openFailed = Code(base: .openFailed)
        /// A system call on the link failed in a way that is not a disconnection.
        public static let ioFailed = Code(base: .ioFailed)
        /// The task was cancelled during the operation.
        public static let cancelled = Code(base: .cancelled)

        /// The stable snake_case form, e.g. `open_failed`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// Where it happened: a device path, a call, an `errno`; never the data.
    public let context: String
    /// The file that raised the error (`#fileID`).
    public let file: String
    /// The line that raised the error.
    public let line: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - context: Where it happened; never the data.
    public init(_ code: Code, _ context: String = "", file: String = #fileID, line: Int = #line) {
        self.code = code
        self.context = context
        self.file = file
        self.line = line
    }

    /// The code and the context, e.g. `disconnected (/dev/ttyUSB0: read: errno 5)`.
    public var description: String { context.isEmpty ? code.description : "\(code) (\(context))" }

    /// The description and the source location.
    public var debugDescription: String { "DeviceIOError(\(description), at \(file):\(line))" }

    /// Errors compare by code only.
    public static func == (lhs: DeviceIOError, rhs: DeviceIOError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching ``==``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
