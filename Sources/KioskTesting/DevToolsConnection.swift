// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Dispatch
import Foundation
import Synchronization

/// The Chrome DevTools Protocol over `--remote-debugging-pipe`: NUL-terminated JSON messages on one socket.
///
/// A dedicated thread blocks in `read` and resumes the waiting commands; every command and event wait has a timeout,
/// and end-of-file on the socket (Chromium exited) fails everything still waiting.
final class DevToolsConnection: Sendable {
    private struct EventWaiter {
        var method: String
        var sessionID: String?
        var received: JSONValue?
        var continuation: CheckedContinuation<JSONValue, any Error>?
    }

    private struct State {
        var nextID = 0
        var pending: [Int: CheckedContinuation<JSONValue, any Error>] = [:]
        var waiters: [Int: EventWaiter] = [:]
        var closedError: KioskTestingError?
    }

    private let state = Mutex(State())
    /// The socket, `nil` once the reader has closed it. Writers hold this lock while they send.
    private let socket: Mutex<CInt?>
    private let readDescriptor: CInt
    private let logPath: String

    /// Takes ownership of `socket` and starts the reader thread.
    /// - Parameters:
    ///   - socket: Our end of the socket pair whose other end is Chromium's fd 3 and fd 4.
    ///   - logPath: Chromium's stderr log, whose tail goes into "browser exited" errors.
    init(socket: CInt, logPath: String) {
        self.socket = Mutex(socket)
        self.readDescriptor = socket
        self.logPath = logPath
        let thread = Thread { [self] in readLoop() }
        thread.name = "kioskd.cdp-reader"
        thread.start()
    }

    /// Sends a command and waits for its result.
    /// - Parameters:
    ///   - method: The CDP method, such as `Page.navigate`.
    ///   - params: The parameters object.
    ///   - sessionID: The flattened session to address, or `nil` for the browser.
    ///   - timeout: How long to wait for the answer.
    /// - Returns: The `result` object.
    /// - Throws: ``KioskTestingError`` with `protocolError`, `timeout` or `browserExited`.
    func send(
        _ method: String,
        _ params: [String: JSONValue] = [:],
        sessionID: String? = nil,
        timeout: Duration
    ) async throws -> JSONValue {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        var message: [String: JSONValue] = [
            "id": .number(Double(id)), "method": .string(method), "params": .object(params),
        ]
        if let sessionID { message["sessionId"] = .string(sessionID) }
        var data = try JSONEncoder().encode(JSONValue.object(message))
        data.append(0)

        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<JSONValue, any Error>) in
                let closed = state.withLock { state -> KioskTestingError? in
                    if let error = state.closedError { return error }
                    state.pending[id] = continuation
                    return nil
                }
                if let closed {
                    continuation.resume(throwing: closed)
                    return
                }
                if Task.isCancelled {
                    failCommand(id, with: CancellationError())
                    return
                }
                scheduleTimeout(timeout) { [self] in
                    failCommand(id, with: KioskTestingError(.timeout, "\(method) got no answer within \(timeout)"))
                }
                if let error = write(data) { failCommand(id, with: error) }
            }
        } onCancel: {
            failCommand(id, with: CancellationError())
        }
    }

    /// Starts recording the first event named `method` for `sessionID`; call before the command that causes it.
    /// - Returns: A token for ``waitForEvent(_:timeout:)``.
    func expectEvent(_ method: String, sessionID: String?) -> Int {
        state.withLock { state in
            state.nextID += 1
            state.waiters[state.nextID] = EventWaiter(method: method, sessionID: sessionID)
            return state.nextID
        }
    }

    /// Forgets an event expectation that will not be awaited.
    func cancelEvent(_ token: Int) {
        failEvent(token, with: CancellationError())
    }

    /// Waits for the event recorded under `token`.
    /// - Returns: The event's `params`.
    /// - Throws: ``KioskTestingError`` with `timeout` or `browserExited`.
    func waitForEvent(_ token: Int, timeout: Duration) async throws -> JSONValue {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<JSONValue, any Error>) in
                enum Outcome { case ready(JSONValue), failed(any Error), waiting(String) }
                let outcome = state.withLock { state -> Outcome in
                    guard var waiter = state.waiters[token] else {
                        return .failed(state.closedError ?? KioskTestingError(.protocolError, "unknown event wait"))
                    }
                    if let received = waiter.received {
                        state.waiters[token] = nil
                        return .ready(received)
                    }
                    if let error = state.closedError {
                        state.waiters[token] = nil
                        return .failed(error)
                    }
                    waiter.continuation = continuation
                    state.waiters[token] = waiter
                    return .waiting(waiter.method)
                }
                switch outcome {
                case .ready(let params): continuation.resume(returning: params)
                case .failed(let error): continuation.resume(throwing: error)
                case .waiting(let method):
                    if Task.isCancelled { failEvent(token, with: CancellationError()) }
                    scheduleTimeout(timeout) { [self] in
                        failEvent(token, with: KioskTestingError(.timeout, "no \(method) event within \(timeout)"))
                    }
                }
            }
        } onCancel: {
            failEvent(token, with: CancellationError())
        }
    }

    /// Wakes the reader thread, which then fails everything still waiting and closes the socket.
    func shutDown() {
        socket.withLock { socket in
            if let socket { system_shutdown(socket) }
        }
    }

    // MARK: - Private

    private func scheduleTimeout(_ timeout: Duration, _ action: @escaping @Sendable () -> Void) {
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = max(0, seconds) * 1_000_000_000 + attoseconds / 1_000_000_000
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds)), execute: action)
    }

    private func failCommand(_ id: Int, with error: any Error) {
        state.withLock { $0.pending.removeValue(forKey: id) }?.resume(throwing: error)
    }

    private func failEvent(_ token: Int, with error: any Error) {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: token) }
        waiter?.continuation?.resume(throwing: error)
    }

    private func write(_ data: Data) -> KioskTestingError? {
        socket.withLock { socket -> KioskTestingError? in
            guard let socket else { return KioskTestingError(.browserExited, "the DevTools pipe is closed") }
            let status = data.withUnsafeBytes { system_sendAll(socket, $0) }
            guard status == 0 else {
                return KioskTestingError(.browserExited, "writing to the DevTools pipe: \(system_errorText(status))")
            }
            return nil
        }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var message = [UInt8]()
        while true {
            let count = buffer.withUnsafeMutableBytes { system_read(readDescriptor, $0) }
            guard count > 0 else { break }
            var start = 0
            for index in 0..<count where buffer[index] == 0 {
                message.append(contentsOf: buffer[start..<index])
                dispatch(Data(message))
                message.removeAll(keepingCapacity: true)
                start = index + 1
            }
            message.append(contentsOf: buffer[start..<count])
        }
        finish()
    }

    private func dispatch(_ data: Data) {
        guard let message = try? JSONValue(parsing: data) else { return }
        if let id = message["id"]?.intValue {
            let continuation = state.withLock { $0.pending.removeValue(forKey: id) }
            if let error = message["error"] {
                let text = error["message"]?.stringValue ?? error.jsonText
                let detail = error["data"]?.stringValue.map { " (\($0))" } ?? ""
                continuation?.resume(throwing: KioskTestingError(.protocolError, text + detail))
            } else {
                continuation?.resume(returning: message["result"] ?? .object([:]))
            }
        } else if let method = message["method"]?.stringValue {
            let sessionID = message["sessionId"]?.stringValue
            let params = message["params"] ?? .object([:])
            let continuations = state.withLock { state in
                var ready: [CheckedContinuation<JSONValue, any Error>] = []
                for (token, var waiter) in state.waiters
                where waiter.received == nil && waiter.method == method && waiter.sessionID == sessionID {
                    if let continuation = waiter.continuation {
                        ready.append(continuation)
                        state.waiters[token] = nil
                    } else {
                        waiter.received = params
                        state.waiters[token] = waiter
                    }
                }
                return ready
            }
            for continuation in continuations { continuation.resume(returning: params) }
        }
    }

    private func finish() {
        let error = KioskTestingError(.browserExited, "Chromium closed the DevTools pipe" + logTail())
        let (pending, waiters) = state.withLock { state in
            state.closedError = error
            defer {
                state.pending = [:]
                state.waiters = state.waiters.filter { $0.value.continuation == nil }
            }
            return (Array(state.pending.values), state.waiters.values.compactMap(\.continuation))
        }
        for continuation in pending { continuation.resume(throwing: error) }
        for continuation in waiters { continuation.resume(throwing: error) }
        socket.withLock { socket in
            if let descriptor = socket { system_close(descriptor) }
            socket = nil
        }
    }

    private func logTail() -> String {
        guard let data = FileManager.default.contents(atPath: logPath), !data.isEmpty else { return "" }
        let text = String(decoding: data.suffix(2_000), as: UTF8.self)
        return "; Chromium's log ends with:\n" + text
    }
}
