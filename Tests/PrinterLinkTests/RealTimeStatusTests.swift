// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import PrinterLink
import Testing

/// The answer bytes come from the manuals cited in the research notes (printing §3): an idle printer answers
/// `0x12`; python-escpos's masks give paper end `0x72` (RT_MASK_NOPAPER = 114) and near end `0x1E`
/// (RT_MASK_LOWPAPER = 30); offline is bit 3 (RT_MASK_ONLINE = 8) over `0x12`, i.e. `0x1A`; cover open is
/// bit 2 of `DLE EOT 2` (`0x16`), paper-end stop bit 5 (`0x32`), error bit 6 (`0x52`).
@Suite struct RealTimeStatusTests {
    @Test(arguments: [
        (UInt8(0x12), UInt8(0x12), UInt8(0x12), PrinterState.ready),
        (0x12, 0x12, 0x1E, .paperNearEnd),
        (0x12, 0x12, 0x16, .paperNearEnd),  // one of the two near-end bits
        (0x1A, 0x32, 0x72, .paperOut),
        (0x12, 0x12, 0x72, .paperOut),
        (0x1A, 0x32, 0x12, .paperOut),  // stopped by paper end, sensor not yet updated
        (0x1A, 0x16, 0x12, .coverOpen),
        (0x1A, 0x16, 0x72, .coverOpen),  // an open cover hides the paper
        (0x1A, 0x52, 0x12, .printerError),
        (0x1A, 0x1A, 0x12, .offline),  // feed button held
    ])
    func decodesTheManualsBytes(printer: UInt8, offlineCause: UInt8, paper: UInt8, state: PrinterState) throws {
        let status = try RealTimeStatus(printer: printer, offlineCause: offlineCause, paperSensor: paper)
        #expect(status.state == state)
    }

    @Test func idleAnswerHasNoFlagSet() throws {
        let status = try RealTimeStatus(printer: 0x12, offlineCause: 0x12, paperSensor: 0x12)
        #expect(!status.isOffline && !status.isCoverOpen && !status.isPaperEnd && !status.isPaperNearEnd)
        #expect(!status.hasError && !status.isStoppedByPaperEnd && !status.isFeedButtonPressed)
    }

    @Test(arguments: [UInt8(0x00), 0xFF, 0x41, 0x13, 0x92, 0x02, 0x10])
    func garbageIsAnError(byte: UInt8) {
        #expect(throws: PrinterLinkError(.badStatus)) {
            _ = try RealTimeStatus(printer: 0x12, offlineCause: 0x12, paperSensor: byte)
        }
        #expect(throws: PrinterLinkError(.badStatus)) {
            _ = try RealTimeStatus(printer: byte, offlineCause: 0x12, paperSensor: 0x12)
        }
    }

    @Test func requestsAreDLEEOTn() {
        #expect(RealTimeStatus.Request.check.map(\.bytes) == [[0x10, 0x04, 1], [0x10, 0x04, 2], [0x10, 0x04, 4]])
    }
}
