// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

@Suite(.enabled(if: Chromium.isAvailable, "chromium is not installed (apt-get install chromium fonts-noto-cjk)"))
struct ChromiumTests {
    /// A page with a button that changes the heading, in Chinese, and a promise-returning function.
    static let page = """
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>叫号</title>
        <style>body { margin: 24px; font: 48px sans-serif; background: #fff; color: #000; }</style></head>
        <body>
        <h1 id="status">请取号</h1>
        <button id="call" style="font-size: 40px">叫号</button>
        <script>
        document.getElementById('call').onclick = () => {
            document.getElementById('status').textContent = '中文 叫号 A012';
        };
        window.later = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 50));
        </script>
        </body>
        </html>
        """

    /// Launches Chromium, runs `body`, and closes Chromium whether `body` throws or not.
    private func withBrowser(
        width: Int = 800,
        height: Int = 600,
        commandTimeout: Duration = .seconds(30),
        _ body: (Chromium) async throws -> Void
    ) async throws {
        let browser = try await Chromium.launch(width: width, height: height, commandTimeout: commandTimeout)
        do {
            try await body(browser)
        } catch {
            await browser.close()
            throw error
        }
        await browser.close()
    }

    /// The error `body` throws, or `nil`.
    private static func error(_ body: () async throws -> JSONValue) async -> KioskTestingError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error as? KioskTestingError
        }
    }

    @Test func clicksWaitsEvaluatesAndTakesAScreenshot() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kioskd-chromium-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("index.html")
        try Data(Self.page.utf8).write(to: page)

        try await withBrowser { browser in
            try await browser.open(page.absoluteString)
            #expect(try await browser.evaluate("document.title") == "叫号")
            #expect(try await browser.evaluate("document.getElementById('status').textContent") == "请取号")

            try await browser.click(selector: "#call")
            try await browser.waitUntil(
                "document.getElementById('status').textContent.startsWith('中文')",
                timeout: .seconds(5)
            )
            #expect(try await browser.evaluate("document.getElementById('status').textContent") == "中文 叫号 A012")
            let later = try await browser.evaluate("window.later({n: 12, ok: true, list: [1.5, null]})")
            #expect(later == ["n": 12, "ok": true, "list": [1.5, nil]])
            #expect(try await browser.evaluate("[innerWidth, innerHeight]") == [800, 600])
            #expect(try await browser.evaluate("undefined") == nil)
            #expect(try await browser.evaluate("-Infinity") == .number(-.infinity))

            let png = directory.appendingPathComponent("shot.png")
            try await browser.screenshot(to: png.path)
            let data = try Data(contentsOf: png)
            #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(data.count > 5_000)
            // IHDR: the big-endian width and height at bytes 16 and 20.
            let size = [16, 20].map { offset in data.dropFirst(offset).prefix(4).reduce(0) { $0 << 8 | Int($1) } }
            #expect(size == [800, 600])
            if let keep = ProcessInfo.processInfo.environment["KIOSKD_KEEP_SCREENSHOT"] {
                try? FileManager.default.removeItem(atPath: keep)
                try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
            }
        }
    }

    @Test func rendersChineseWithRealGlyphsNotTofu() async throws {
        try await withBrowser(width: 400, height: 200) { browser in
            try await browser.open("data:text/html;charset=utf-8,<html lang=zh-CN><body>中文</body></html>")
            // Missing glyphs all draw as the same .notdef box; real glyphs for 叫 and 号 differ, and both have ink.
            let pixels = try await browser.evaluate(
                """
                (async () => {
                    await document.fonts.ready;
                    const draw = (text) => {
                        const canvas = document.createElement('canvas');
                        canvas.width = canvas.height = 64;
                        const context = canvas.getContext('2d');
                        context.font = '48px sans-serif';
                        context.fillText(text, 8, 52);
                        return Array.from(context.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3));
                    };
                    const a = draw('叫'), b = draw('号');
                    return {
                        inkA: a.filter((v) => v > 128).length,
                        inkB: b.filter((v) => v > 128).length,
                        differing: a.filter((v, i) => Math.abs(v - b[i]) > 128).length,
                    };
                })()
                """
            )
            #expect((pixels["inkA"]?.intValue ?? 0) > 100)
            #expect((pixels["inkB"]?.intValue ?? 0) > 100)
            #expect((pixels["differing"]?.intValue ?? 0) > 100)
        }
    }

    @Test func surfacesJavaScriptExceptions() async throws {
        try await withBrowser { browser in
            try await browser.open("data:text/html,<p>hi</p>")
            let thrown = await #expect(throws: KioskTestingError.self) {
                try await browser.evaluate("(() => { throw new TypeError('窗口 7 offline') })()")
            }
            #expect(thrown?.code == .javascriptException)
            #expect(thrown?.message.contains("TypeError: 窗口 7 offline") == true)
            let rejected = await #expect(throws: KioskTestingError.self) {
                try await browser.evaluate("Promise.reject(new Error('no ticket'))")
            }
            #expect(rejected?.message.contains("no ticket") == true)
            let missing = await #expect(throws: KioskTestingError.self) { try await browser.click(selector: "#nope") }
            #expect(missing?.message.contains("no element matches #nope") == true)
        }
    }

    @Test func timesOutConditionsAndCommands() async throws {
        try await withBrowser(commandTimeout: .seconds(3)) { browser in
            try await browser.open("data:text/html,<p>hi</p>")
            let condition = await #expect(throws: KioskTestingError.self) {
                try await browser.waitUntil("document.title === 'never'", timeout: .milliseconds(200))
            }
            #expect(condition?.code == .timeout)
            let command = await #expect(throws: KioskTestingError.self) {
                try await browser.evaluate("new Promise(() => {})")
            }
            #expect(command?.code == .timeout)
            #expect(try await browser.evaluate("1 + 1") == 2)
        }
    }

    @Test func reportsPageCommandsBeforeOpen() async throws {
        try await withBrowser { browser in
            let error = await #expect(throws: KioskTestingError.self) { try await browser.evaluate("1") }
            #expect(error?.code == .noPage)
        }
    }

    @Test func reportsAFailedNavigation() async throws {
        try await withBrowser { browser in
            let error = await #expect(throws: KioskTestingError.self) {
                try await browser.open("file:///nonexistent-kioskd-page.html")
            }
            #expect(error?.code == .protocolError)
            #expect(error?.message.contains("ERR_FILE_NOT_FOUND") == true)
        }
    }

    @Test func failsPendingCommandsAtOnceWhenChromiumDies() async throws {
        try await withBrowser { browser in
            try await browser.open("data:text/html,<p>hi</p>")
            let clock = ContinuousClock()
            let start = clock.now
            async let hanging = Self.error { try await browser.evaluate("new Promise(() => {})") }
            try await Task.sleep(for: .milliseconds(200))
            let crash = await #expect(throws: KioskTestingError.self) {
                try await browser.send("Browser.crash", toPage: false)
            }
            #expect(crash?.code == .browserExited)
            let pending = await hanging
            #expect(pending?.code == .browserExited)
            let later = await #expect(throws: KioskTestingError.self) { try await browser.evaluate("1") }
            #expect(later?.code == .browserExited)
            #expect(clock.now - start < .seconds(10))  // Far below the 30-second command timeout.
        }
    }
}
