// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting

/// Where rendered tickets go: a CUPS queue (``CUPSOutput``) or the built-in ``EmulatedPrinter``.
protocol PrintOutput: Sendable {
    /// A name for logs and the API: the queue, or `emulator`.
    var name: String { get }

    /// Hands one job's bytes over.
    /// - Parameters:
    ///   - bytes: ESC/POS bytes, passed to the printer unchanged.
    ///   - title: The job's title (a ticket number, never personal data).
    /// - Returns: The job id.
    /// - Throws: ``CUPSError`` when the job was not accepted.
    func submit(_ bytes: [UInt8], title: String) async throws(CUPSError) -> Int

    /// Follows a job until it is at rest (printed, held, aborted, stopped) or the timeout passes.
    /// - Parameters:
    ///   - jobID: The job.
    ///   - timeout: The longest to wait.
    /// - Returns: The job's state at rest.
    /// - Throws: ``CUPSError``; ``CUPSError/Code/timeout`` when it is still printing.
    func follow(jobID: Int, timeout: Duration) async throws(CUPSError) -> JobStatus

    /// The printer's state now.
    func status() async -> PrinterStatus
}
