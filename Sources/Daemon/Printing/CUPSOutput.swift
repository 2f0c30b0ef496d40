// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting

/// Jobs to a CUPS queue through libcups: a named queue, or CUPS's default destination.
struct CUPSOutput: PrintOutput {
    /// The queue, or `nil` for the default destination.
    let queue: String?
    let client: CUPSClient

    var name: String { queue ?? "CUPS default destination" }

    func submit(_ bytes: [UInt8], title: String) async throws(CUPSError) -> Int {
        try await client.submit(bytes, to: queue, title: title).id
    }

    func follow(jobID: Int, timeout: Duration) async throws(CUPSError) -> JobStatus {
        try await client.follow(jobID: jobID, timeout: timeout)
    }

    func status() async -> PrinterStatus {
        await client.printerStatus(queue: queue)
    }
}
