// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A print queue's state in one word, with a plain message in Chinese and English for staff and the menu.
///
/// Built from cupsd's `printer-state`, `printer-state-reasons` and `printer-is-accepting-jobs`. Reasons are
/// matched by prefix: a backend may send `media-empty-error`, `media-empty-warning` or `media-empty-report`.
public struct PrinterStatus: Sendable, Hashable {
    /// What the queue can do, the one a person must act on first.
    public enum Condition: String, Sendable, Hashable, CaseIterable {
        /// Idle and ready to print.
        case ready
        /// Printing a job.
        case printing
        /// Printing, but the roll is nearly used up.
        case paperLow = "paper_low"
        /// No paper.
        case paperOut = "paper_out"
        /// The cover is open.
        case doorOpen = "door_open"
        /// The printer is off, unplugged, or not answering.
        case offline
        /// The printer reports a fault (cutter jam, head error).
        case printerError = "printer_error"
        /// The queue is stopped (paused) or rejecting jobs: someone must run `cupsenable` / `cupsaccept`.
        case stopped
        /// No such queue, or no default destination.
        case notFound = "not_found"
        /// cupsd did not answer.
        case cupsdUnreachable = "cupsd_unreachable"
    }

    /// The condition.
    public let condition: Condition
    /// The queue asked about, when known.
    public let queue: String?
    /// `printer-state-reasons` as cupsd gave them (`none` left out).
    public let reasons: [String]
    /// Whether the queue is stopped (paused) or rejecting jobs, whatever else holds: a job waits until someone
    /// runs `cupsenable` / `cupsaccept`.
    public let isStopped: Bool
    /// `printer-state-message`: the backend's last `ERROR:` or `INFO:` text, or why cupsd was unreachable.
    public let detail: String?

    /// Creates a status from a queue's attributes.
    /// - Parameters:
    ///   - queue: The queue name.
    ///   - printerState: `printer-state`: 3 idle, 4 processing, 5 stopped.
    ///   - reasons: `printer-state-reasons`.
    ///   - isAcceptingJobs: `printer-is-accepting-jobs`.
    ///   - detail: `printer-state-message`.
    public init(queue: String?, printerState: Int, reasons: [String], isAcceptingJobs: Bool, detail: String?) {
        self.queue = queue
        self.reasons = reasons.filter { $0 != "none" }
        self.detail = detail
        let bases = Set(self.reasons.map(Self.base(of:)))
        isStopped = printerState == 5 || bases.contains("paused") || !isAcceptingJobs
        condition =
            if !bases.isDisjoint(with: ["media-empty", "media-needed"]) {
                .paperOut
            } else if !bases.isDisjoint(with: ["door-open", "cover-open", "interlock-open"]) {
                .doorOpen
            } else if !bases.isDisjoint(with: ["offline", "shutdown", "timed-out"]) {
                .offline
            } else if self.reasons.contains(where: { $0.hasPrefix("media-jam") || $0 == "other-error" }) {
                .printerError
            } else if isStopped {
                .stopped
            } else if bases.contains("media-low") {
                .paperLow
            } else if printerState == 4 {
                .printing
            } else {
                .ready
            }
    }

    /// Creates a status with a condition that no queue attribute gives (not found, unreachable).
    /// - Parameters:
    ///   - condition: The condition.
    ///   - queue: The queue asked about.
    ///   - detail: Why, e.g. libcups' error message.
    public init(_ condition: Condition, queue: String?, detail: String?) {
        self.condition = condition
        self.queue = queue
        self.reasons = []
        self.isStopped = false
        self.detail = detail
    }

    /// A keyword without its `-error`, `-warning` or `-report` suffix.
    /// - Parameter reason: A printer-state-reasons keyword.
    /// - Returns: The base keyword, e.g. `media-empty`.
    public static func base(of reason: String) -> String {
        for suffix in ["-error", "-warning", "-report"] where reason.hasSuffix(suffix) {
            return String(reason.dropLast(suffix.count))
        }
        return reason
    }

    /// What to tell staff, in Chinese.
    public var chineseMessage: String {
        switch condition {
        case .ready: "打印机就绪"
        case .printing: "正在打印"
        case .paperLow: "打印纸快用完了，请准备新纸卷"
        case .paperOut: "打印纸用完了，请装入新纸卷"
        case .doorOpen: "打印机盖没有关好，请关好机盖"
        case .offline: "打印机未连接或未开机，请检查电源和数据线"
        case .printerError: "打印机故障，请检查切刀和打印头"
        case .stopped: "打印队列已暂停，请联系技术人员"
        case .notFound: "找不到打印队列，请联系技术人员"
        case .cupsdUnreachable: "打印服务没有响应，请联系技术人员"
        }
    }

    /// What to tell staff, in English.
    public var englishMessage: String {
        switch condition {
        case .ready: "Printer ready"
        case .printing: "Printing"
        case .paperLow: "Paper is running low: have a new roll ready"
        case .paperOut: "Paper out: load a new roll"
        case .doorOpen: "Printer cover is open: close it"
        case .offline: "Printer offline: check power and cable"
        case .printerError: "Printer fault: check the cutter and the print head"
        case .stopped: "Print queue stopped: a technician must resume it"
        case .notFound: "Print queue not found: call a technician"
        case .cupsdUnreachable: "Print service (CUPS) not answering: call a technician"
        }
    }
}
