// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Dispatch
import Foundation
import HTTPTypes
import IDCard
import Logging
import Printing
import Queue
import Store
import SyncProtocol

/// Proxy cases at the kiosk: agents' logins, capture from a card session, receipts and the sync summary.
///
/// The store's calls block (SQLite with `synchronous=FULL`, scrypt for PINs), so they run on this object's
/// own serial queue, never on Swift's cooperative pool. A case's receipt is printed only after its
/// transaction committed; a printer fault never loses a case, and an agent can reprint it.
final class CaseService: Sendable {
    let store: CaseStore
    let sessions: AgentSessions
    private let desk: CardDesk
    private let printer: TicketPrinter?
    private let hallName: String
    private let timeZone: TimeZone
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let queue = DispatchQueue(label: "kioskd.cases")

    /// Creates the service.
    /// - Parameters:
    ///   - store: The case tables.
    ///   - sessions: Logged-in agents.
    ///   - desk: The card on the reader, the applicant's only source.
    ///   - printer: Where receipts print, or `nil` for none.
    ///   - hall: The hall's name (printed) and time zone (capture day, promised days).
    ///   - now: The clock.
    ///   - logger: Case ids, receipt numbers and agent ids only.
    init(
        store: CaseStore, sessions: AgentSessions, desk: CardDesk, printer: TicketPrinter?, hall: HallConfiguration,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.store = store
        self.sessions = sessions
        self.desk = desk
        self.printer = printer
        hallName = hall.name
        timeZone = hall.timeZone
        self.now = now
        self.logger = logger
    }

    /// Runs a blocking store call on the service's queue.
    func perform<T: Sendable>(_ work: @escaping @Sendable (CaseStore) throws -> T) async throws -> T {
        try Task.checkCancellation()
        let store = store
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work(store) }) }
        }
    }

    /// Checks an agent's PIN and opens a session.
    /// - Returns: The session token and the agent.
    /// - Throws: ``APIError`` 401 `wrong_pin`, 429 `agent_locked`.
    func login(agentID: String, pin: String) async throws -> (token: String, agent: CaseStore.Agent) {
        let at = now()
        switch try await perform({ try $0.verifyPIN(agentID: agentID, pin: pin, at: at) }) {
        case .accepted(let agent):
            logger.info("Agent logged in", metadata: [LogKey.agent.rawValue: "\(agent.id)"])
            return (sessions.open(for: agent), agent)
        case .refused(let remaining):
            logger.notice(
                "Wrong agent PIN", metadata: [LogKey.agent.rawValue: "\(agentID)", LogKey.remainingAttempts.rawValue: "\(remaining)"])
            throw APIError(.unauthorized, code: "wrong_pin", message: "密码不正确，再错 \(remaining) 次将锁定 5 分钟")
        case .locked(let until):
            logger.notice("Agent locked", metadata: [LogKey.agent.rawValue: "\(agentID)"])
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let parts = calendar.dateComponents([.hour, .minute], from: until)
            let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
            throw APIError(.tooManyRequests, code: "agent_locked", message: "密码错误次数过多，已锁定，请于 \(time) 后再试")
        case .unknownAgent:
            throw APIError(.unauthorized, code: "wrong_pin", message: "代办员编号或密码不正确")
        }
    }

    /// Captures a case for the applicant of a card session, then prints its receipt.
    /// - Parameters:
    ///   - body: The form.
    ///   - agent: The logged-in agent.
    ///   - committed: Called right after the commit, before the receipt prints (to wake the sync client).
    /// - Returns: The case as stored and what became of its receipt.
    /// - Throws: ``APIError`` 404 `unknown_matter`, 400 for the form, 409 `card_expired`.
    func capture(
        _ body: CaseBody, by agent: CaseStore.Agent, committed: @Sendable () -> Void = {}
    ) async throws -> (StoredCase, PrintOutcome) {
        let at = now()
        guard let matter = try await perform({ try $0.matter(code: body.matter) }) else {
            throw APIError(.notFound, code: "unknown_matter", message: "事项目录中没有代码为 \(body.matter) 的事项")
        }
        let today = WorkingDays.text(of: at, in: timeZone)
        let (materials, phone) = try CaseForm(matter: matter, today: today, timeZone: timeZone).check(body)
        guard let session = desk.session(body.card, at: at) else {
            throw APIError(.conflict, code: "card_expired", message: "身份证信息已过期，请申请人重新刷卡")
        }
        let identity = session.identity
        let summary = identity.summary
        let draft = CaseDraft(
            matter: matter,
            applicant: CaseCapture.Applicant(
                cardType: identity.cardType, name: identity.name.revealed, idNumber: identity.revealedNumber,
                maskedName: summary.maskedName, maskedNumber: summary.maskedNumber),
            contactPhone: phone, agentID: agent.id, materials: materials,
            promisedCompletion: WorkingDays.day(adding: matter.promisedDays, to: at, in: timeZone), capturedAt: at)
        let captured = try await perform { try $0.capture(draft) }
        committed()
        logger.info(
            "Case captured",
            metadata: [
                LogKey.caseID.rawValue: "\(captured.caseID)", LogKey.receipt.rawValue: "\(captured.receiptNumber)",
                LogKey.seq.rawValue: "\(captured.seq)", LogKey.matter.rawValue: "\(matter.code)", LogKey.agent.rawValue: "\(agent.id)",
            ])
        return (captured, await printReceipt(of: captured, agentName: agent.name, isReprint: false))
    }

    /// Prints a stored case's receipt again.
    /// - Throws: ``APIError`` 404 `unknown_case`.
    func reprint(caseID: String) async throws -> (StoredCase, PrintOutcome) {
        let (found, agent) = try await perform { store in
            let found = try store.storedCase(id: caseID)
            return (found, try found.flatMap { try store.agent(id: $0.agentID) })
        }
        guard let found else { throw APIError(.notFound, code: "unknown_case", message: "没有这个代办件") }
        return (found, await printReceipt(of: found, agentName: agent?.name ?? found.agentID, isReprint: true))
    }

    /// Prints a case's receipt; with no printer configured, says so.
    private func printReceipt(of stored: StoredCase, agentName: String, isReprint: Bool) async -> PrintOutcome {
        guard let printer else { return .off(number: stored.receiptNumber) }
        return await printer.print(receipt: receipt(of: stored, agentName: agentName), isReprint: isReprint)
    }

    /// What a case's receipt says: masked applicant only. Until the server's case number is known, the
    /// case number is the device id and sequence number, which the server can always match.
    func receipt(of stored: StoredCase, agentName: String) -> ReceiptContent {
        let day = { (text: String) in WorkingDays.date(of: text, in: self.timeZone) ?? stored.capturedAt }
        return ReceiptContent(
            hallName: hallName, receiptNumber: stored.receiptNumber,
            caseNumber: stored.serverCaseNumber ?? "\(store.deviceID)-\(stored.seq)",
            applicantMaskedName: stored.maskedName, applicantMaskedIDNumber: stored.maskedNumber, matter: stored.matterName,
            receivedMaterials: stored.materials.filter { $0.state == .received }.map { .init(name: $0.name) },
            promisedMaterials: stored.materials.filter { $0.state == .promised }.map {
                .init(name: $0.name, dueDate: day($0.promisedBy ?? stored.promisedCompletion))
            },
            promisedCompletion: day(stored.promisedCompletion), agent: agentName, acceptedAt: stored.capturedAt,
            timeZone: timeZone)
    }

    /// The cases of the last `days` local days, newest first.
    func recentCases(days: Int = 7) async throws -> [StoredCase] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let since = calendar.date(byAdding: .day, value: -(days - 1), to: calendar.startOfDay(for: now())) ?? .distantPast
        return try await perform { try $0.cases(since: since) }
    }

    /// The outbox's state now.
    func syncSummary() async throws -> SyncSummary {
        let at = now()
        return try await perform { try $0.syncSummary(at: at) }
    }
}
