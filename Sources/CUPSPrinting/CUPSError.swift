// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Why a print job could not be submitted or followed through cupsd.
///
/// ``description`` names the code and a context (a queue, a job id, libcups' message), never ticket
/// contents. Errors compare by code only.
public struct CUPSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case unreachable
            case timeout
            case notFound = "not_found"
            case rejected
            case cancelled
        }

        fileprivate let base: Base

        /// cupsd could not be reached: refused, not running, or the connection dropped mid-request.
        public static let unreachable = Code(base: .unreachable)
        /// cupsd took the connection but did not answer in time, or a job did not finish by its deadline.
        public static let timeout = Code(base: .timeout)
        /// The queue or the job does not exist, or there is no default destination.
        public static let notFound = Code(base: .notFound)
        /// cupsd answered with an IPP error (e.g. the queue is not accepting jobs); see ``CUPSError/ippStatus``.
        public static let rejected = Code(base: .rejected)
        /// The task was cancelled.
        public static let cancelled = Code(base: .cancelled)

        /// The stable snake_case form, e.g. `not_found`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// Where it happened: the queue, the job id, libcups' message.
    public let context: String
    /// The IPP status code cupsd answered with, when it answered (`ipp_status_t`).
    public let ippStatus: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - context: Where it happened.
    ///   - ippStatus: The IPP status code, when cupsd answered.
    public init(_ code: Code, _ context: String = "", ippStatus: Int? = nil) {
        self.code = code
        self.context = context
        self.ippStatus = ippStatus
    }

    /// The code and the context, e.g. `timeout (127.0.0.1:631: no answer within 5 s)`.
    public var description: String { context.isEmpty ? code.description : "\(code) (\(context))" }

    /// Errors compare by code only.
    public static func == (lhs: CUPSError, rhs: CUPSError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, matching ``==``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
