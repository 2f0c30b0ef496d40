// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting
import Foundation
import Logging
import Printing
import Queue
import ServiceLifecycle

/// Prints queue tickets and case receipts and tells everyone what became of them.
///
/// A ticket is printed after it is committed, so a printer fault never loses a ticket: the take answers with
/// the print's first state (submitted, or failed at once with a message for the citizen), and the job is
/// followed in the background. A job that does not print within the job timeout (paper out, cover open, a
/// stopped queue) is cancelled, so it never comes out long after its holder gave up, and a `print_failed`
/// live event tells the menu and the window pages; a window can reprint the ticket. `run()` watches the
/// printer's state every `statusInterval` and publishes `printer_status` when it changes; cancelling it stops
/// the watch.
actor TicketPrinter: Service {
    /// What the printer needs besides the ticket itself.
    struct Setup: Sendable {
        /// How to render: paper, fonts, QR codes, cut.
        var profile: PrinterProfile
        /// The CJK font for raster text, for models without a Chinese font.
        var font: RasterFont?
        /// The hall's name, printed at the top.
        var hallName: String
        /// The hall's time zone, for printed times.
        var timeZone: TimeZone
        /// The ticket status page for a number, or `nil` for no QR code.
        var statusURL: @Sendable (String) -> String?
        /// How long a job may take before it counts as failed.
        var jobTimeout: Duration
        /// How often the printer's state is read.
        var statusInterval: Duration = .seconds(5)
    }

    /// One ticket to print.
    struct Job: Sendable {
        /// The ticket.
        var ticket: Ticket
        /// The business's name.
        var businessName: String
        /// People ahead and the estimated wait, when known.
        var estimate: TicketEstimate?
        /// The card holder's masked name, when the ticket was taken with a card just now.
        var holderMaskedName: String?
        /// Whether staff asked for it again.
        var isReprint: Bool
    }

    /// The output: a CUPS queue or the emulated printer.
    nonisolated let output: any PrintOutput
    private let setup: Setup
    private let broadcaster: EventBroadcaster
    private let logger: Logger
    private var lastStatus: PrinterStatus?

    /// Creates the printer; nothing is printed or watched until asked.
    /// - Parameters:
    ///   - output: Where jobs go.
    ///   - setup: Rendering and timing.
    ///   - broadcaster: Where `printer_status` and `print_failed` go.
    ///   - logger: Ticket numbers, job ids and printer states only.
    init(output: any PrintOutput, setup: Setup, broadcaster: EventBroadcaster, logger: Logger) {
        self.output = output
        self.setup = setup
        self.broadcaster = broadcaster
        self.logger = logger
    }

    /// Renders and submits a ticket, then follows it in the background.
    /// - Parameter job: The ticket and what to print with it.
    /// - Returns: Submitted (with the job id), or failed with words for the citizen and for staff.
    func print(_ job: Job) async -> PrintOutcome {
        await print(number: job.ticket.number, title: "ticket-\(job.ticket.number)", isReprint: job.isReprint) {
            try TicketLayout.layout(of: content(of: job))
        }
    }

    /// Renders and submits a case receipt (代办件受理回执), then follows it like a ticket; `print_done` and
    /// `print_failed` carry the receipt number.
    /// - Parameters:
    ///   - receipt: What the receipt says (masked applicant only; an unmasked one is refused).
    ///   - isReprint: Whether an agent asked for it again.
    /// - Returns: Submitted (with the job id), or failed with words for the applicant and the agent.
    func print(receipt: ReceiptContent, isReprint: Bool) async -> PrintOutcome {
        await print(number: receipt.receiptNumber, title: "receipt-\(receipt.receiptNumber)", isReprint: isReprint) {
            try ReceiptLayout.layout(of: receipt)
        }
    }

    /// Renders a layout and submits it, then follows the job in the background.
    /// - Parameters:
    ///   - number: The ticket or receipt number, for logs, events and the outcome.
    ///   - title: The job's title (never personal data).
    ///   - isReprint: Whether staff asked for it again.
    ///   - layout: Makes the layout.
    private func print(
        number: String, title: String, isReprint: Bool, layout: () throws -> PrintLayout
    ) async -> PrintOutcome {
        let bytes: [UInt8]
        do {
            bytes = try ESCPOSRenderer(profile: setup.profile, font: setup.font).render(layout())
        } catch {
            logger.error("Ticket not rendered", metadata: ["ticket.number": "\(number)", "error": "\(error)"])
            return .failed(number: number, printer: nil, detail: "\(error)")
        }
        let jobID: Int
        do {
            jobID = try await output.submit(bytes, title: title)
        } catch {
            let status = await refreshStatus()
            logger.warning(
                "Ticket not submitted",
                metadata: ["ticket.number": "\(number)", "error": "\(error)", "printer.condition": "\(status.condition.rawValue)"])
            publishFailure(number: number, status: status)
            return .failed(number: number, printer: status, detail: error.description)
        }
        logger.info(
            isReprint ? "Ticket reprint submitted" : "Ticket submitted",
            metadata: [
                "ticket.number": "\(number)", "print.job.id": "\(jobID)", "print.output": "\(output.name)", "print.title": "\(title)",
            ])
        Task { await self.follow(jobID: jobID, number: number) }
        return .submitted(number: number, jobID: jobID)
    }

    /// The printer's state now (read afresh), publishing a change.
    func status() async -> PrinterStatus {
        await refreshStatus()
    }

    /// Watches the printer's state until cancelled or graceful shutdown.
    func run() async throws {
        logger.notice("Ticket printer", metadata: ["print.output": "\(output.name)", "print.paper": "\(setup.profile.paperWidthMillimetres) mm"])
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                _ = await self.refreshStatus()
                try? await Task.sleep(for: self.setup.statusInterval)
            }
        }
    }

    // MARK: Following

    /// Waits for the job; a job that did not print is cancelled and reported.
    private func follow(jobID: Int, number: String) async {
        let end: JobStatus?
        do {
            end = try await output.follow(jobID: jobID, timeout: setup.jobTimeout)
        } catch {
            logger.warning("Ticket job not followed", metadata: ["print.job.id": "\(jobID)", "error": "\(error)"])
            end = nil
        }
        if end?.state == .completed {
            logger.info("Ticket printed", metadata: ["ticket.number": "\(number)", "print.job.id": "\(jobID)"])
            broadcaster.publish(live: LiveEvent(kind: "print_done", fields: ["number": .string(number)]))
            _ = await refreshStatus()
            return
        }
        if let cups = output as? CUPSOutput {
            do {
                try await cups.client.cancel(jobID: jobID)
            } catch {
                logger.info("Ticket job not cancelled", metadata: ["print.job.id": "\(jobID)", "error": "\(error)"])
            }
        }
        let status = await refreshStatus()
        logger.warning(
            "Ticket not printed",
            metadata: [
                "ticket.number": "\(number)", "print.job.id": "\(jobID)", "print.job.state": "\(end.map { "\($0.state)" } ?? "unknown")",
                "printer.condition": "\(status.condition.rawValue)",
            ])
        publishFailure(number: number, status: status)
    }

    private func publishFailure(number: String, status: PrinterStatus) {
        let outcome = PrintOutcome.failed(number: number, printer: status, detail: nil)
        broadcaster.publish(
            live: LiveEvent(
                kind: "print_failed",
                fields: [
                    "number": .string(number), "condition": .string(status.condition.rawValue),
                    "message": .string(outcome.citizenMessage), "staff_message": .string(status.chineseMessage),
                ]))
    }

    /// Reads the state and publishes `printer_status` when its condition changed.
    @discardableResult
    private func refreshStatus() async -> PrinterStatus {
        let status = await output.status()
        if status.condition != lastStatus?.condition {
            logger.notice(
                "Printer state", metadata: ["printer.condition": "\(status.condition.rawValue)", "print.output": "\(output.name)"])
            broadcaster.publish(live: PrinterStatusView(status: status, output: output.name).liveEvent)
        }
        lastStatus = status
        return status
    }

    // MARK: Content

    /// What the ticket says.
    private func content(of job: Job) -> TicketContent {
        let ticket = job.ticket
        return TicketContent(
            hallName: setup.hallName,
            business: job.businessName,
            number: ticket.number,
            peopleAhead: job.estimate?.ahead ?? 0,
            estimatedWaitMinutes: job.estimate?.waitSeconds.map { max(1, Int(($0 / 60).rounded())) },
            takenAt: ticket.takenAt,
            statusURL: setup.statusURL(ticket.number),
            holderMaskedName: job.holderMaskedName,
            priorityNote: ticket.priority == .normal ? nil : ticket.priority.label,
            timeZone: setup.timeZone)
    }
}
