// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Printing
import Testing

@Suite struct PrinterProfileTests {
    @Test func paperWidthSetsDotsAndColumns() {
        // research/printing-cups.md §3: 384 dots / 32 columns on 58 mm, 576 / 48 on 80 mm, 12 dots a column.
        #expect(PrinterProfile.chinese58.dotsPerLine == 384 && PrinterProfile.chinese58.fontAColumns == 32)
        #expect(PrinterProfile.chinese80.dotsPerLine == 576 && PrinterProfile.chinese80.fontAColumns == 48)
        #expect(PrinterProfile.chinese58.dotsPerColumn == 12 && PrinterProfile.chinese80.rasterBytesPerRow == 72)
    }

    @Test func explicitDotsOverrideTheDefaults() {
        // Epson TM-T88 in 58 mm mode: 420 dots, 35 columns.
        let profile = PrinterProfile(paperWidthMillimetres: 58, dotsPerLine: 420, fontAColumns: 35)
        #expect(profile.dotsPerColumn == 12 && profile.rasterBytesPerRow == 52)
    }

    @Test func magnificationIsClampedToWhatGSExclamationCanSay() {
        #expect(PrinterProfile(paperWidthMillimetres: 80, maximumMagnification: 12).maximumMagnification == 8)
        #expect(PrinterProfile(paperWidthMillimetres: 80, maximumMagnification: 0).maximumMagnification == 1)
    }
}
