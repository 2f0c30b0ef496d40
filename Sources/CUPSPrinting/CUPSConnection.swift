// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CCUPS
import Glibc
import Synchronization

/// One HTTP connection to cupsd through libcups, and the IPP operations kioskd needs. The only file that
/// calls libcups.
///
/// Threading: every method blocks; the owning ``CUPSClient`` calls them on its own queue, one work item per
/// connection, so libcups' per-thread state (`cupsSetServer`, `cupsLastError`) stays on one thread.
/// Every wait is bounded by ``Limits/deadline``: libcups' timeout callback gives up once it has passed or the
/// operation was cancelled.
final class CUPSConnection {
    /// When an operation must give up.
    final class Limits: Sendable {
        /// The instant after which every wait fails.
        let deadline: ContinuousClock.Instant
        private let cancelled = Atomic<Bool>(false)
        private let expired = Atomic<Bool>(false)

        init(deadline: ContinuousClock.Instant) { self.deadline = deadline }

        /// Cancels the operation: the next timeout check fails it.
        func cancel() { cancelled.store(true, ordering: .sequentiallyConsistent) }

        /// Whether the operation was cancelled.
        var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }

        /// Whether a wait gave up at the deadline.
        var hasExpired: Bool { expired.load(ordering: .sequentiallyConsistent) }

        /// Whether waiting may go on; records the expiry when not.
        func mayContinue() -> Bool {
            guard !isCancelled, ContinuousClock.now < deadline else {
                expired.store(true, ordering: .sequentiallyConsistent)
                return false
            }
            return true
        }
    }

    /// The server as `host:port` or a socket path, for messages.
    let server: String
    private let http: OpaquePointer
    private let limits: Limits

    /// How often libcups asks whether a wait may go on.
    private static let checkInterval = 0.2

    /// Connects to cupsd.
    /// - Parameters:
    ///   - server: `host`, `host:port` or a socket path; `nil` for libcups' default (`CUPS_SERVER`,
    ///     `~/.cups/client.conf`, `/etc/cups/client.conf`, then the local socket).
    ///   - connectTimeout: The longest the TCP connect may take.
    ///   - limits: The operation's deadline and cancellation.
    /// - Throws: ``CUPSError/Code/unreachable``.
    init(server: String?, connectTimeout: Duration, limits: Limits) throws(CUPSError) {
        // Per-thread in libcups: set (or reset to the default) on the thread that uses it.
        cupsSetServer(server)
        let host = String(cString: cupsServer())
        let port = ippPort()
        self.server = host.hasPrefix("/") ? host : "\(host):\(port)"
        let milliseconds = CInt(clamping: connectTimeout.components.seconds * 1000)
        guard
            let http = httpConnect2(
                host, port, nil, AF_UNSPEC, cupsEncryption(), 1, max(milliseconds, 1), nil)
        else {
            throw CUPSError(.unreachable, "\(self.server): \(String(cString: cupsLastErrorString()))")
        }
        self.http = http
        self.limits = limits
        httpSetTimeout(
            http, Self.checkInterval,
            { _, context in
                guard let context else { return 0 }
                return Unmanaged<Limits>.fromOpaque(context).takeUnretainedValue().mayContinue() ? 1 : 0
            },
            Unmanaged.passUnretained(limits).toOpaque())
    }

    deinit {
        httpClose(http)
    }

    // MARK: Operations

    /// The name of the default destination, as every CUPS client finds it (`LPDEST`, `PRINTER`, lpoptions,
    /// then cupsd's default).
    /// - Throws: ``CUPSError/Code/notFound`` when there is none, or a connection error.
    func defaultDestination() throws(CUPSError) -> String {
        guard let dest = cupsGetNamedDest(http, nil, nil) else {
            try checkConnection("default destination")
            throw CUPSError(.notFound, "no default destination on \(server)")
        }
        defer { cupsFreeDests(1, dest) }
        return String(cString: dest.pointee.name)
    }

    /// The queue named, or the default destination when none is.
    func resolve(_ queue: String?) throws(CUPSError) -> String {
        if let queue { return queue }
        return try defaultDestination()
    }

    /// Submits a raw job with Print-Job (`application/vnd.cups-raw`: passed to the backend unfiltered).
    /// - Returns: The job id.
    func printRaw(_ bytes: [UInt8], queue: String, title: String) throws(CUPSError) -> Int {
        let request = Self.request(IPP_OP_PRINT_JOB, printer: queue)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nil, title)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nil, CUPS_FORMAT_RAW)
        defer { ippDelete(request) }
        let resource = "/printers/\(queue)"
        // The length is the whole body: the IPP request and the document after it.
        var status = cupsSendRequest(http, request, resource, ippLength(request) + bytes.count)
        var offset = 0
        while status == HTTP_STATUS_CONTINUE, offset < bytes.count {
            let end = min(offset + 65536, bytes.count)
            status = bytes[offset..<end].withUnsafeBytes { chunk in
                cupsWriteRequestData(http, chunk.baseAddress?.assumingMemoryBound(to: CChar.self), chunk.count)
            }
            offset = end
        }
        guard status == HTTP_STATUS_CONTINUE || status == HTTP_STATUS_OK else {
            try checkConnection("print job to \(queue)")
            throw CUPSError(.rejected, "\(queue): HTTP \(status.rawValue)")
        }
        let response = try answer(to: cupsGetResponse(http, resource), what: "print job to \(queue)")
        defer { ippDelete(response) }
        guard let id = ippFindAttribute(response, "job-id", IPP_TAG_INTEGER) else {
            throw CUPSError(.rejected, "\(queue): no job-id in the answer")
        }
        return Int(ippGetInteger(id, 0))
    }

    /// Get-Job-Attributes: the job's state and reasons.
    func jobStatus(id: Int) throws(CUPSError) -> JobStatus {
        let request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nil, "ipp://localhost/jobs/\(id)")
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        Self.requestAttributes(request, ["job-state", "job-state-reasons", "job-printer-state-message"])
        let response = try answer(to: cupsDoRequest(http, request, "/jobs/"), what: "job \(id)")
        defer { ippDelete(response) }
        return JobStatus(
            id: id,
            state: JobState(rawValue: Int(ippGetInteger(ippFindAttribute(response, "job-state", IPP_TAG_ENUM), 0))),
            reasons: Self.strings(response, "job-state-reasons"),
            printerMessage: Self.strings(response, "job-printer-state-message").first)
    }

    /// Cancel-Job: a held or pending job never prints (its history stays, with the state `canceled`).
    func cancelJob(id: Int) throws(CUPSError) {
        let request = ippNewRequest(IPP_OP_CANCEL_JOB)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nil, "ipp://localhost/jobs/\(id)")
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        let response = try answer(to: cupsDoRequest(http, request, "/jobs/"), what: "cancel job \(id)")
        ippDelete(response)
    }

    /// Get-Printer-Attributes: the queue's state, reasons and message.
    func printerStatus(queue: String) throws(CUPSError) -> PrinterStatus {
        let request = Self.request(IPP_OP_GET_PRINTER_ATTRIBUTES, printer: queue)
        Self.requestAttributes(
            request,
            ["printer-state", "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs"])
        let response = try answer(to: cupsDoRequest(http, request, "/"), what: "queue \(queue)")
        defer { ippDelete(response) }
        let accepting = ippFindAttribute(response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN)
        return PrinterStatus(
            queue: queue,
            printerState: Int(ippGetInteger(ippFindAttribute(response, "printer-state", IPP_TAG_ENUM), 0)),
            reasons: Self.strings(response, "printer-state-reasons"),
            isAcceptingJobs: accepting.map { ippGetBoolean($0, 0) != 0 } ?? true,
            detail: Self.strings(response, "printer-state-message").first.flatMap { $0.isEmpty ? nil : $0 })
    }

    // MARK: Helpers

    /// A new request addressed to a queue, from the current user.
    private static func request(_ operation: ipp_op_t, printer queue: String) -> OpaquePointer? {
        let request = ippNewRequest(operation)
        ippAddString(
            request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, "ipp://localhost/printers/\(queue)")
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        return request
    }

    private static func requestAttributes(_ request: OpaquePointer?, _ names: [String]) {
        let copies = names.map { UnsafePointer(strdup($0)) }
        defer { for copy in copies { free(UnsafeMutablePointer(mutating: copy)) } }
        ippAddStrings(
            request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", CInt(copies.count), nil, copies)
    }

    /// All values of an attribute as strings (keywords, text, names).
    private static func strings(_ response: OpaquePointer?, _ name: String) -> [String] {
        guard let attribute = ippFindAttribute(response, name, IPP_TAG_ZERO) else { return [] }
        return (0..<ippGetCount(attribute)).compactMap { index in
            ippGetString(attribute, index, nil).map { String(cString: $0) }
        }
    }

    /// The response, or the error it (or its absence) means.
    private func answer(to response: OpaquePointer?, what: String) throws(CUPSError) -> OpaquePointer {
        guard let response else {
            try checkConnection(what)
            throw CUPSError(.unreachable, "\(server): \(what): \(String(cString: cupsLastErrorString()))")
        }
        let status = ippGetStatusCode(response)
        guard status.rawValue < IPP_STATUS_REDIRECTION_OTHER_SITE.rawValue else {
            let message = String(cString: cupsLastErrorString())
            ippDelete(response)
            let code: CUPSError.Code = status == IPP_STATUS_ERROR_NOT_FOUND ? .notFound : .rejected
            throw CUPSError(code, "\(what): \(message)", ippStatus: Int(status.rawValue))
        }
        return response
    }

    /// Throws the timeout or cancellation that made a call fail, or the lost connection.
    private func checkConnection(_ what: String) throws(CUPSError) {
        if limits.isCancelled { throw CUPSError(.cancelled, what) }
        if limits.hasExpired { throw CUPSError(.timeout, "\(server): \(what): no answer in time") }
        let error = httpError(http)
        if error != 0 {
            throw CUPSError(.unreachable, "\(server): \(what): \(String(cString: strerror(error)))")
        }
    }
}
