// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Synchronization

/// A headless Chromium driven over the Chrome DevTools Protocol, for end-to-end tests of the kiosk pages.
///
/// ``launch(width:height:commandTimeout:)`` starts Debian's `chromium` with a fresh profile in a temporary
/// directory and talks to it over `--remote-debugging-pipe`. One page is driven at a time: ``open(_:)`` creates it
/// and navigates, the other page methods act on it. Every DevTools command has a timeout, and if Chromium dies every
/// waiting call fails with ``KioskTestingError/Code/browserExited`` instead of hanging. Always call ``close()``.
///
/// ```swift
/// let browser = try await Chromium.launch()
/// try await browser.open("http://127.0.0.1:\(port)/kiosk")
/// try await browser.click(selector: "#take-ticket")
/// try await browser.waitUntil("document.querySelector('#number').textContent !== ''", timeout: .seconds(5))
/// await browser.close()
/// ```
public final class Chromium: Sendable {
    private struct State {
        var sessionID: String?
        var closed = false
    }

    /// The viewport width in CSS pixels.
    public let width: Int
    /// The viewport height in CSS pixels.
    public let height: Int
    /// Chromium's product string, such as `Chrome/120.0.6099.224`.
    public let version: String
    private let commandTimeout: Duration
    private let process: ChildProcess
    private let connection: DevToolsConnection
    private let directory: URL
    private let state = Mutex(State())

    /// Wraps a launched browser; only ``launch(width:height:commandTimeout:)`` calls it.
    init(
        width: Int,
        height: Int,
        version: String,
        commandTimeout: Duration,
        process: ChildProcess,
        connection: DevToolsConnection,
        directory: URL
    ) {
        self.width = width
        self.height = height
        self.version = version
        self.commandTimeout = commandTimeout
        self.process = process
        self.connection = connection
        self.directory = directory
    }

    deinit {
        guard !state.withLock(\.closed) else { return }
        process.killAndReap()
        connection.shutDown()
        try? FileManager.default.removeItem(at: directory)
        BrowserSlots.shared.release()
    }

    /// Navigates the page to `url` and waits for its `load` event; the first call creates the page.
    /// - Parameter url: Any URL Chromium can load: `http://127.0.0.1:…`, `file://…`, `data:text/html,…`.
    /// - Throws: ``KioskTestingError`` with ``KioskTestingError/Code/protocolError`` if the navigation fails
    ///   (such as `net::ERR_CONNECTION_REFUSED`), or ``KioskTestingError/Code/timeout``.
    public func open(_ url: String) async throws {
        let sessionID = try await pageSession()
        let loaded = connection.expectEvent("Page.loadEventFired", sessionID: sessionID)
        let result: JSONValue
        do {
            result = try await command("Page.navigate", ["url": .string(url)], sessionID: sessionID)
        } catch {
            connection.cancelEvent(loaded)
            throw error
        }
        if let errorText = result["errorText"]?.stringValue, !errorText.isEmpty {
            connection.cancelEvent(loaded)
            throw KioskTestingError(.protocolError, "navigating to \(url): \(errorText)")
        }
        guard result["loaderId"] != nil else {
            connection.cancelEvent(loaded)  // A same-document navigation (only the fragment changed): no load event.
            return
        }
        _ = try await connection.waitForEvent(loaded, timeout: commandTimeout)
    }

    /// Evaluates JavaScript in the page, awaiting a returned promise.
    /// - Parameter javascript: An expression (wrap statements in an arrow function: `(() => { … })()`).
    /// - Returns: The value, serialized as JSON; `undefined` is ``JSONValue/null``, and `NaN` or `Infinity` is a
    ///   number.
    /// - Throws: ``KioskTestingError`` with ``KioskTestingError/Code/javascriptException`` if the script throws or
    ///   the promise rejects, ``KioskTestingError/Code/noPage`` before ``open(_:)``.
    @discardableResult
    public func evaluate(_ javascript: String) async throws -> JSONValue {
        guard let sessionID = state.withLock(\.sessionID) else {
            throw KioskTestingError(.noPage, "evaluate needs a page; call open(_:) first")
        }
        let result = try await command(
            "Runtime.evaluate",
            [
                "expression": .string(javascript), "awaitPromise": true, "returnByValue": true, "userGesture": true,
            ],
            sessionID: sessionID
        )
        if let details = result["exceptionDetails"] {
            let text =
                details["exception"]?["description"]?.stringValue
                ?? details["exception"]?["value"]?.jsonText
                ?? details["text"]?.stringValue
                ?? details.jsonText
            throw KioskTestingError(.javascriptException, text)
        }
        let remote = result["result"] ?? .null
        if let unserializable = remote["unserializableValue"]?.stringValue {
            let digits = unserializable.hasSuffix("n") ? String(unserializable.dropLast()) : unserializable
            return Double(digits).map(JSONValue.number) ?? .string(unserializable)
        }
        return remote["value"] ?? .null
    }

    /// Polls a JavaScript condition every 50 ms until it is truthy.
    ///
    /// An exception while evaluating counts as "not yet" (the element may not exist yet); the last one is reported
    /// if time runs out.
    /// - Parameters:
    ///   - javascriptCondition: An expression, such as `document.title === '叫号'`.
    ///   - timeout: How long to keep polling.
    /// - Throws: ``KioskTestingError`` with ``KioskTestingError/Code/timeout``, or
    ///   ``KioskTestingError/Code/browserExited`` at once if Chromium dies.
    public func waitUntil(_ javascriptCondition: String, timeout: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastError: KioskTestingError?
        while true {
            do {
                if try await evaluate("!!(\n\(javascriptCondition)\n)") == .bool(true) { return }
                lastError = nil
            } catch let error as KioskTestingError where error.code == .javascriptException {
                lastError = error
            }
            if clock.now >= deadline {
                let reason = lastError.map { "; last exception: \($0.message)" } ?? ""
                throw KioskTestingError(.timeout, "`\(javascriptCondition)` still false after \(timeout)\(reason)")
            }
            try await clock.sleep(for: .milliseconds(50))
        }
    }

    /// Clicks the first element that matches a CSS selector, with the DOM's `click()`.
    /// - Parameter selector: A CSS selector, such as `#call-next`.
    /// - Throws: ``KioskTestingError`` with ``KioskTestingError/Code/javascriptException`` if nothing matches.
    public func click(selector: String) async throws {
        let literal = JSONValue.string(selector).jsonText
        try await evaluate(
            """
            (() => {
                const element = document.querySelector(\(literal));
                if (!element) throw new Error('no element matches ' + \(literal));
                element.click();
            })()
            """
        )
    }

    /// Saves a PNG screenshot of the viewport.
    /// - Parameter path: Where to write the PNG; an existing file is replaced.
    /// - Throws: ``KioskTestingError``, or the file system's error.
    public func screenshot(to path: String) async throws {
        guard let sessionID = state.withLock(\.sessionID) else {
            throw KioskTestingError(.noPage, "screenshot needs a page; call open(_:) first")
        }
        let result = try await command("Page.captureScreenshot", ["format": "png"], sessionID: sessionID)
        guard let base64 = result["data"]?.stringValue, let data = Data(base64Encoded: base64) else {
            throw KioskTestingError(.protocolError, "Page.captureScreenshot returned no image")
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Sends a raw DevTools command, for what the driver does not wrap (`Network.setCacheDisabled`,
    /// `Emulation.setTimezoneOverride`, …).
    /// - Parameters:
    ///   - method: The CDP method, such as `Emulation.setTimezoneOverride`.
    ///   - parameters: The command's parameters.
    ///   - toPage: Whether to address the page's session (after ``open(_:)``) rather than the browser.
    /// - Returns: The command's `result` object.
    /// - Throws: ``KioskTestingError`` with ``KioskTestingError/Code/protocolError`` if Chromium rejects it,
    ///   ``KioskTestingError/Code/timeout`` or ``KioskTestingError/Code/browserExited``.
    @discardableResult
    public func send(_ method: String, _ parameters: [String: JSONValue] = [:], toPage: Bool = true) async throws
        -> JSONValue
    {
        var sessionID: String?
        if toPage {
            sessionID = state.withLock(\.sessionID)
            guard sessionID != nil else {
                throw KioskTestingError(.noPage, "\(method) needs a page; call open(_:) first")
            }
        }
        return try await command(method, parameters, sessionID: sessionID)
    }

    /// Closes Chromium: asks it to quit, kills its process group if it has not quit within five seconds, reaps it,
    /// and removes the temporary profile. Calling it again does nothing.
    public func close() async {
        guard
            !state.withLock({ state in
                defer { state.closed = true }; return state.closed
            })
        else { return }
        _ = try? await connection.send("Browser.close", timeout: .seconds(5))
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        var exited = process.reapIfExited()
        while !exited && clock.now < deadline {
            try? await clock.sleep(for: .milliseconds(20))
            exited = process.reapIfExited()
        }
        if exited {
            system_killGroup(process.pid)  // Helpers that outlived the browser process.
        } else {
            process.killAndReap()
        }
        connection.shutDown()
        try? FileManager.default.removeItem(at: directory)
        BrowserSlots.shared.release()
    }

    // MARK: - Private

    private func command(
        _ method: String,
        _ params: [String: JSONValue] = [:],
        sessionID: String? = nil
    ) async throws -> JSONValue {
        try await connection.send(method, params, sessionID: sessionID, timeout: commandTimeout)
    }

    private func pageSession() async throws -> String {
        if let sessionID = state.withLock(\.sessionID) { return sessionID }
        let target = try await command("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"]?.stringValue else {
            throw KioskTestingError(.protocolError, "Target.createTarget returned no targetId")
        }
        let attached = try await command("Target.attachToTarget", ["targetId": .string(targetID), "flatten": true])
        guard let sessionID = attached["sessionId"]?.stringValue else {
            throw KioskTestingError(.protocolError, "Target.attachToTarget returned no sessionId")
        }
        _ = try await command("Page.enable", sessionID: sessionID)
        _ = try await command(
            "Emulation.setDeviceMetricsOverride",
            [
                "width": .number(Double(width)), "height": .number(Double(height)), "deviceScaleFactor": 1,
                "mobile": false,
            ],
            sessionID: sessionID
        )
        state.withLock { $0.sessionID = sessionID }
        return sessionID
    }

}
