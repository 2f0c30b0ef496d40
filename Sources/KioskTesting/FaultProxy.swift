// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP proxy on a free loopback port that forwards to a target and injects network faults, for tests of code
/// that must survive a bad link: the kiosk's sync client between the kiosk and the central server.
///
/// The fault is read when a connection is accepted, so ``setFault(_:)`` changes what the next connections see
/// while earlier ones keep theirs; ``endConnections()`` closes the earlier ones, so that a client that keeps its
/// connections alive meets the new fault with its next request. Each connection is served by a thread of its own that polls both sockets
/// (never a cooperative thread); ``stop()`` closes the listener, and every connection ends within 100 ms.
public final class FaultProxy: Sendable {
    /// A direction of a proxied connection.
    public enum Direction: Sendable, Hashable {
        /// From the client to the server.
        case request
        /// From the server back to the client.
        case response
    }

    /// What the proxy does to a new connection.
    public enum Fault: Sendable, Hashable {
        /// Forwards both ways unchanged.
        case pass
        /// Forwards, waiting before each chunk read from the client (`request`) or the server (`response`).
        case delay(request: Duration, response: Duration)
        /// Accepts and reads the request but never connects to the server nor answers; the client times out.
        case hang
        /// Forwards the first `after` bytes of one direction, then closes the client's socket with a TCP RST.
        case reset(after: Int, of: Direction)
        /// Forwards the first `after` bytes of one direction, then closes both sockets normally (FIN).
        case cut(after: Int, of: Direction)
        /// Forwards the first `after` bytes of one direction, then forwards nothing more and keeps both sockets
        /// open until the client closes: with `.request`, a body in flight that the server waits for.
        case stall(after: Int, of: Direction)
        /// Forwards the whole request, reads the server's whole HTTP response, then closes the client's socket
        /// without sending any of it: the server committed, and the acknowledgement is lost.
        case dropResponseAfterRequest

        /// A TCP RST as soon as the connection is accepted.
        public static let resetOnAccept = Fault.reset(after: 0, of: .request)
    }

    /// What went through the proxy since it started.
    public struct Statistics: Sendable, Hashable {
        /// Connections accepted.
        public var connections = 0
        /// Bytes forwarded from clients to the server.
        public var requestBytes = 0
        /// Bytes forwarded from the server to clients.
        public var responseBytes = 0
        /// Complete responses read from the server and dropped (``Fault/dropResponseAfterRequest``).
        public var droppedResponses = 0
        /// Connections that reached their ``Fault/stall(after:of:)`` limit and stopped forwarding.
        public var stalledConnections = 0
    }

    private struct State {
        var fault: Fault = .pass
        var statistics = Statistics()
        var stopped = false
        /// Raised by ``endConnections()``: connections accepted in an earlier generation end.
        var generation = 0
        /// Open connections by the generation they were accepted in.
        var open: [Int: Int] = [:]
    }

    /// The loopback port clients connect to.
    public let port: Int
    private let targetHost: String
    private let targetPort: Int
    private let listener: CInt
    private let state = Mutex(State())

    private init(listener: CInt, port: Int, targetHost: String, targetPort: Int) {
        self.listener = listener
        self.port = port
        self.targetHost = targetHost
        self.targetPort = targetPort
    }

    /// Starts a proxy on a free port of 127.0.0.1 that forwards to `host`:`port`, passing everything at first.
    /// - Parameters:
    ///   - port: The target's port.
    ///   - host: The target's IPv4 address (default loopback).
    /// - Returns: The running proxy; call ``stop()`` when done.
    /// - Throws: ``KioskTestingError`` when no port can be bound.
    public static func start(forwardingTo port: Int, host: String = "127.0.0.1") throws -> FaultProxy {
        guard let (listener, proxyPort) = system_listen(on: "127.0.0.1") else {
            throw KioskTestingError(.launchFailed, "fault proxy: cannot listen: \(system_errorText(errno))")
        }
        let proxy = FaultProxy(listener: listener, port: proxyPort, targetHost: host, targetPort: port)
        Thread { proxy.acceptConnections() }.start()
        return proxy
    }

    /// Sets the fault for connections accepted from now on.
    /// - Parameter fault: The fault.
    public func setFault(_ fault: Fault) {
        state.withLock { $0.fault = fault }
    }

    /// Counts of connections and forwarded bytes so far.
    public var statistics: Statistics {
        state.withLock { $0.statistics }
    }

    /// Ends every open connection by closing both of its sockets, and returns once they are closed (within one
    /// poll interval, 100 ms); the proxy keeps accepting new connections, which meet the current fault.
    /// - Throws: `CancellationError` when cancelled while waiting.
    public func endConnections() async throws {
        let current = state.withLock { state in
            state.generation += 1
            return state.generation
        }
        let deadline = ContinuousClock.now + .seconds(2)
        while state.withLock({ $0.open.contains { $0.key < current && $0.value > 0 } }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Stops accepting and ends every connection (within one poll interval, 100 ms).
    public func stop() {
        let wasStopped = state.withLock { state in
            defer { state.stopped = true }
            return state.stopped
        }
        if !wasStopped { system_shutdown(listener) }
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    /// Whether a connection accepted in `generation` may go on: the proxy runs and no ``endConnections()`` came.
    private func isLive(_ generation: Int) -> Bool {
        state.withLock { !$0.stopped && $0.generation == generation }
    }

    private func acceptConnections() {
        while true {
            let client = system_accept(listener)
            guard client >= 0, !isStopped else {
                if client >= 0 { system_close(client) }
                break
            }
            let (fault, generation) = state.withLock { state in
                state.statistics.connections += 1
                state.open[state.generation, default: 0] += 1
                return (state.fault, state.generation)
            }
            Thread {
                self.serve(client, fault: fault, generation: generation)
                self.state.withLock { $0.open[generation, default: 1] -= 1 }
            }.start()
        }
        system_close(listener)
    }

    private func serve(_ client: CInt, fault: Fault, generation: Int) {
        if fault == .hang {
            drainUntilClosed(client, generation: generation)
            return
        }
        if let limit = fault.limit(of: .request), limit.bytes == 0 {
            if limit.ending == .stall { return drainUntilClosed(client, generation: generation) }
            end(client, nil, reset: limit.ending == .reset)
            return
        }
        let server = system_connect(to: targetHost, port: targetPort)
        guard server >= 0 else {
            system_closeWithReset(client)
            return
        }
        forward(client, server, fault: fault, generation: generation)
    }

    /// Reads and discards what the client sends until it closes, the proxy stops or the connection is ended.
    private func drainUntilClosed(_ client: CInt, generation: Int) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while isLive(generation) {
            guard system_pollReadable([client], milliseconds: 100)[0] else { continue }
            let count = buffer.withUnsafeMutableBytes { system_read(client, $0) }
            if count <= 0 { break }
        }
        system_close(client)
    }

    private func forward(_ client: CInt, _ server: CInt, fault: Fault, generation: Int) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var forwarded: [Direction: Int] = [.request: 0, .response: 0]
        var heldResponse = ResponseEnd()
        while isLive(generation) {
            let ready = system_pollReadable([client, server], milliseconds: 100)
            for (direction, source, sink) in [(Direction.request, client, server), (.response, server, client)]
            where ready[direction == .request ? 0 : 1] {
                let count = buffer.withUnsafeMutableBytes { system_read(source, $0) }
                if fault == .dropResponseAfterRequest && direction == .response {
                    if count > 0 { heldResponse.append(buffer[0..<count]) }
                    guard count <= 0 || heldResponse.isComplete else { continue }
                    if heldResponse.hasBytes { state.withLock { $0.statistics.droppedResponses += 1 } }
                    return end(client, server, reset: false)
                }
                guard count > 0 else { return end(client, server, reset: false) }
                let pause = fault.delay(of: direction)
                if pause > .zero { Thread.sleep(forTimeInterval: pause.seconds) }
                var allowed = count
                let limit = fault.limit(of: direction)
                if let limit { allowed = min(count, limit.bytes - forwarded[direction, default: 0]) }
                let failed = buffer.withUnsafeBytes { system_sendAll(sink, UnsafeRawBufferPointer(rebasing: $0[0..<allowed])) }
                forwarded[direction, default: 0] += allowed
                record(allowed, direction)
                if failed != 0 { return end(client, server, reset: false) }
                if let limit, forwarded[direction, default: 0] >= limit.bytes {
                    guard limit.ending == .stall else { return end(client, server, reset: limit.ending == .reset) }
                    state.withLock { $0.statistics.stalledConnections += 1 }
                    drainUntilClosed(client, generation: generation)
                    return system_close(server)
                }
            }
        }
        end(client, server, reset: false)
    }

    private func record(_ count: Int, _ direction: Direction) {
        state.withLock { state in
            switch direction {
            case .request: state.statistics.requestBytes += count
            case .response: state.statistics.responseBytes += count
            }
        }
    }

    private func end(_ client: CInt, _ server: CInt?, reset: Bool) {
        if reset { system_closeWithReset(client) } else { system_close(client) }
        if let server { system_close(server) }
    }
}

extension FaultProxy.Fault {
    /// What happens once a limited direction's bytes have passed.
    fileprivate enum Ending {
        /// Both sockets close, the client's with a TCP RST.
        case reset
        /// Both sockets close normally.
        case close
        /// Nothing more is forwarded; the sockets stay open until the client closes.
        case stall
    }

    /// How many bytes of `direction` pass, and how the connection ends or stalls after them.
    fileprivate func limit(of direction: FaultProxy.Direction) -> (bytes: Int, ending: Ending)? {
        switch self {
        case .reset(let bytes, let limited) where limited == direction: (bytes, .reset)
        case .cut(let bytes, let limited) where limited == direction: (bytes, .close)
        case .stall(let bytes, let limited) where limited == direction: (bytes, .stall)
        default: nil
        }
    }

    /// The pause before each chunk of `direction`.
    fileprivate func delay(of direction: FaultProxy.Direction) -> Duration {
        guard case .delay(let request, let response) = self else { return .zero }
        return direction == .request ? request : response
    }
}

extension Duration {
    /// The duration in seconds, for `Thread.sleep`.
    fileprivate var seconds: TimeInterval {
        TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18
    }
}
