// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The window page and the hall display, in a real headless Chromium against a real daemon.
/// Screenshots go to `.build/test-output/` for a person to look at.
@Suite(.serialized, .enabled(if: Chromium.isAvailable, "chromium is not installed (make deps installs it)"))
struct PagesTests {
    @Test func windowPageCallsTheNextTicketAndTheDisplayShowsIt() async throws {
        let directory = try TestDirectory("pages")
        let daemon = try await DaemonProcess(database: directory.file("k.sqlite"), logFile: directory.file("log"))
        let base = daemon.baseURL.absoluteString
        for business in ["social-security", "social-security", "real-estate"] {
            let response = try await HTTPClient.post(daemon.baseURL.appendingPathComponent("api/v1/tickets"), json: #"{"business": "\#(business)"}"#)
            #expect(response.status == 201)
        }

        let staff = try await Chromium.launch(width: 1280, height: 800)
        do {
            try await staff.open("\(base)/window")
            try await staff.waitUntil("document.querySelectorAll('#window-select option').length >= 5", timeout: .seconds(10))
            try await staff.evaluate(
                """
                document.getElementById('window-select').value = '1';
                document.getElementById('token-input').value = 'demo-token-1';
                document.getElementById('login-button').click();
                """)
            try await staff.waitUntil("document.getElementById('waiting-count')?.textContent.includes('2')", timeout: .seconds(10))
            try await staff.click(selector: "#btn-call-next")
            try await staff.waitUntil("document.getElementById('current-number')?.textContent.trim() === 'A001'", timeout: .seconds(10))
            let reason = try await staff.evaluate("document.getElementById('current-reason').textContent")
            #expect(reason.stringValue?.contains("已等") == true)
            try await staff.screenshot(to: TestDirectory.output.appendingPathComponent("window-page.png").path)

            // A wrong action shows the server's words, not a code.
            try await staff.click(selector: "#btn-finish")
            try await staff.waitUntil("document.getElementById('current-number')?.textContent.trim() !== 'A001'", timeout: .seconds(10))
            try await staff.click(selector: "#btn-recall")
            try await staff.waitUntil("document.getElementById('message')?.textContent.includes('没有正在办理')", timeout: .seconds(10))
        } catch {
            await staff.close()
            throw error
        }
        await staff.close()

        let display = try await Chromium.launch(width: 1920, height: 1080)
        do {
            try await display.open("\(base)/display")
            try await display.waitUntil("document.getElementById('latest-number')?.textContent.includes('A001')", timeout: .seconds(10))
            // A call made now, from anywhere, reaches the open display through the event stream.
            let call = try await HTTPClient.post(daemon.baseURL.appendingPathComponent("api/v1/windows/3/call-next"), token: "demo-token-3")
            let number = try #require(call.json["ticket"]?["number"]?.stringValue)
            try await display.waitUntil("document.getElementById('latest-number')?.textContent.includes('\(number)')", timeout: .seconds(5))
            let window = try await display.evaluate("document.getElementById('latest-window').textContent")
            #expect(window.stringValue?.contains("3") == true)
            let alarm = try await display.evaluate("document.querySelector('#business-list [data-code=\"social-security\"]')?.dataset.alarm")
            #expect(["blue", "green"].contains(alarm.stringValue ?? ""))
            // The clock shows the hall's time (Beijing), whatever the browser's zone.
            let beijing = DateFormatter()
            beijing.timeZone = TimeZone(identifier: "Asia/Shanghai")
            beijing.dateFormat = "HH:mm"
            let clock = try await display.evaluate("document.getElementById('clock-time').textContent")
            #expect(clock.stringValue?.hasPrefix(beijing.string(from: Date()).prefix(4)) == true, "\(clock)")
            try await display.screenshot(to: TestDirectory.output.appendingPathComponent("hall-display.png").path)
        } catch {
            await display.close()
            throw error
        }
        await display.close()
        try await daemon.stop(signal: SIGTERM)
    }
}
