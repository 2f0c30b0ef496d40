// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting
import Testing

@Suite struct PrinterStatusTests {
    @Test(arguments: [
        (3, ["none"], PrinterStatus.Condition.ready),
        (4, ["none"], .printing),
        (3, ["media-empty-error"], .paperOut),
        (3, ["media-empty-warning"], .paperOut),
        (5, ["media-empty-error", "paused"], .paperOut),
        (3, ["media-needed"], .paperOut),
        (4, ["media-low-report"], .paperLow),
        (3, ["media-low-warning"], .paperLow),
        (3, ["door-open-error"], .doorOpen),
        (3, ["cover-open-report"], .doorOpen),
        (3, ["offline-report"], .offline),
        (3, ["other-error"], .printerError),
        (5, ["paused"], .stopped),
        (3, ["connecting-to-device"], .ready),
        (3, ["media-lowish-report"], .ready),
    ])
    func reasonsAreMatchedByPrefix(state: Int, reasons: [String], condition: PrinterStatus.Condition) {
        let status = PrinterStatus(queue: "q", printerState: state, reasons: reasons, isAcceptingJobs: true, detail: nil)
        #expect(status.condition == condition)
    }

    @Test func rejectingQueueIsStopped() {
        let status = PrinterStatus(queue: "q", printerState: 3, reasons: ["none"], isAcceptingJobs: false, detail: nil)
        #expect(status.condition == .stopped)
        #expect(status.isStopped)
        #expect(status.reasons.isEmpty)
    }

    @Test func everyConditionHasBothMessages() {
        let messages = PrinterStatus.Condition.allCases.map { PrinterStatus($0, queue: nil, detail: nil) }
        #expect(Set(messages.map(\.chineseMessage)).count == PrinterStatus.Condition.allCases.count)
        #expect(Set(messages.map(\.englishMessage)).count == PrinterStatus.Condition.allCases.count)
    }
}
