// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting
import Foundation
import Synchronization

/// The printer of a kiosk with none plugged in (`make run`, tests of the menu): every job is kept as a file
/// `<number>-<title>.escpos` in a folder beside the database, and its paper state can be set through
/// `POST /api/v1/emulator/printer`, so "out of paper" can be tried without a printer.
///
/// A job sent while the condition stops printing (paper out, cover open, offline) is held, as cupsd holds
/// a job whose backend reports paper out; it is not kept.
final class EmulatedPrinter: PrintOutput {
    private struct State {
        var condition = PrinterStatus.Condition.ready
        var nextJob = 1
        var jobs: [Int: JobStatus] = [:]
    }

    /// Where jobs are kept.
    let directory: URL
    private let state = Mutex(State())

    /// Creates the printer; the folder is made when the first job arrives.
    /// - Parameter directory: Where jobs are kept.
    init(directory: URL) {
        self.directory = directory
    }

    var name: String { "emulator" }

    /// The conditions the emulator can be put in.
    static let settableConditions: [PrinterStatus.Condition] = [.ready, .paperLow, .paperOut, .doorOpen, .offline]

    /// Puts the printer in a condition.
    func setCondition(_ condition: PrinterStatus.Condition) {
        state.withLock { $0.condition = condition }
    }

    /// The jobs kept so far, oldest first.
    func keptJobs() throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".escpos") }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            .map { directory.appendingPathComponent($0) }
    }

    func submit(_ bytes: [UInt8], title: String) async throws(CUPSError) -> Int {
        let (id, condition) = state.withLock { state in
            defer { state.nextJob += 1 }
            return (state.nextJob, state.condition)
        }
        let printable = condition == .ready || condition == .paperLow
        if printable {
            let safeTitle = String(title.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(bytes).write(to: directory.appendingPathComponent("\(id)-\(safeTitle).escpos"), options: .atomic)
            } catch {
                throw CUPSError(.rejected, "emulated printer cannot keep the job in \(directory.path): \(error)")
            }
        }
        let reasons = Self.reasons(for: condition)
        let status = JobStatus(
            id: id, state: printable ? .completed : .held, reasons: printable ? [] : ["resources-are-not-ready"] + reasons,
            printerMessage: printable ? nil : PrinterStatus(.offline, queue: name, detail: nil).chineseMessage)
        state.withLock { $0.jobs[id] = status }
        return id
    }

    func follow(jobID: Int, timeout: Duration) async throws(CUPSError) -> JobStatus {
        guard let status = state.withLock({ $0.jobs[jobID] }) else { throw CUPSError(.notFound, "job \(jobID)") }
        return status
    }

    func status() async -> PrinterStatus {
        let condition = state.withLock { $0.condition }
        return PrinterStatus(
            queue: name, printerState: 3, reasons: Self.reasons(for: condition), isAcceptingJobs: true, detail: nil)
    }

    /// The printer-state-reasons a real backend would report in a condition.
    private static func reasons(for condition: PrinterStatus.Condition) -> [String] {
        switch condition {
        case .paperOut: ["media-empty-error"]
        case .paperLow: ["media-low-report"]
        case .doorOpen: ["door-open-error"]
        case .offline: ["offline-report"]
        default: []
        }
    }
}
