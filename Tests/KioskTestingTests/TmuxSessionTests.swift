// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// The tmux driver sends taps as the bytes xterm sends for a touch, and reads CJK screens back.
struct TmuxSessionTests {
    @Test func aTapReachesTheProgramAsAnSGRMouseReport() async throws {
        try await TmuxSession.with(
            command: ["/bin/sh", "-c", "stty raw -echo; printf '请点按这里\\r\\n'; exec cat -v"], columns: 40, rows: 6
        ) { session in
            try await session.waitFor("请点按这里")
            let place = try #require(try await session.locate("这里"))
            #expect(place.column == 6 && place.row == 0)
            try await session.tap("这里")
            try await session.waitFor("^[[<0;9;1M^[[<0;9;1m")
            try await session.type("12")
            try await session.waitFor("m12")
            #expect(try await session.isRunning())
        }
    }

    @Test(.enabled(if: TerminalPicture.isAvailable)) func aPictureShowsTheTerminal() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-picture-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try await TmuxSession.with(command: ["/bin/sh", "-c", "printf '社保业务 A001\\n'; sleep 60"]) { session in
            try await session.waitFor("社保业务 A001")
            try await TerminalPicture.save(session, to: file)
        }
        let png = try Data(contentsOf: file)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 2_000)
    }
}
