// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import KioskTesting
import Testing

/// Each fault of the proxy, seen by a plain TCP client and server on threads of their own.
struct FaultProxyTests {
    static let request = Array("POST /sync/v1/push HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n".utf8)

    /// Runs one exchange through a proxy set to `fault`.
    func exchange(
        _ fault: FaultProxy.Fault, timeout: Duration = .seconds(5)
    ) async throws -> (response: [UInt8], ending: Ending, server: PlainTCPServer, proxy: FaultProxy) {
        let server = try PlainTCPServer()
        server.start()
        let proxy = try FaultProxy.start(forwardingTo: server.port)
        proxy.setFault(fault)
        let (response, ending) = await plainExchange(port: proxy.port, request: Self.request, timeout: timeout)
        return (response, ending, server, proxy)
    }

    @Test func passForwardsBothWaysAndCounts() async throws {
        let (response, ending, server, proxy) = try await exchange(.pass)
        defer { proxy.stop(); server.stop() }
        #expect(response == PlainTCPServer.response)
        #expect(ending == .endOfStream)
        #expect(await eventually { server.connections.count == 1 })
        #expect(server.connections.first?.received == Self.request)
        let statistics = proxy.statistics
        #expect(statistics.connections == 1)
        #expect(statistics.requestBytes == Self.request.count)
        #expect(statistics.responseBytes == PlainTCPServer.response.count)
    }

    @Test func delayHoldsTheResponseBack() async throws {
        let start = ContinuousClock.now
        let (response, _, server, proxy) = try await exchange(.delay(request: .milliseconds(100), response: .milliseconds(300)))
        defer { proxy.stop(); server.stop() }
        #expect(response == PlainTCPServer.response)
        #expect(ContinuousClock.now - start >= .milliseconds(400))
    }

    @Test func hangNeverConnectsNorAnswers() async throws {
        let (response, ending, server, proxy) = try await exchange(.hang, timeout: .milliseconds(500))
        defer { proxy.stop(); server.stop() }
        #expect(response.isEmpty)
        #expect(ending == .timeout)
        #expect(server.connections.isEmpty)
        #expect(proxy.statistics.connections == 1)
    }

    @Test func resetOnAcceptSendsARST() async throws {
        let (response, ending, server, proxy) = try await exchange(.resetOnAccept)
        defer { proxy.stop(); server.stop() }
        #expect(response.isEmpty)
        #expect(ending == .reset)
        #expect(server.connections.isEmpty)
    }

    @Test func resetAfterRequestBytesForwardsThemThenResets() async throws {
        let (response, ending, server, proxy) = try await exchange(.reset(after: 10, of: .request))
        defer { proxy.stop(); server.stop() }
        #expect(response.isEmpty)
        #expect(ending == .reset)
        #expect(await eventually { server.connections.count == 1 })
        #expect(server.connections.first?.received == Array(Self.request.prefix(10)))
        #expect(server.connections.first?.answered == false)
    }

    @Test func cutAfterResponseBytesDeliversOnlyThose() async throws {
        let (response, ending, server, proxy) = try await exchange(.cut(after: 12, of: .response))
        defer { proxy.stop(); server.stop() }
        #expect(response == Array(PlainTCPServer.response.prefix(12)))
        #expect(ending == .endOfStream)
        #expect(await eventually { server.connections.count == 1 })
        #expect(server.connections.first?.answered == true)
    }

    @Test func cutAfterRequestBytesClosesBothSides() async throws {
        let (response, ending, server, proxy) = try await exchange(.cut(after: 5, of: .request))
        defer { proxy.stop(); server.stop() }
        #expect(response.isEmpty)
        #expect(ending == .endOfStream)
        #expect(await eventually { server.connections.count == 1 })
        #expect(server.connections.first?.received == Array(Self.request.prefix(5)))
    }

    @Test func dropResponseAfterRequestLetsTheServerAnswerButTheClientSeeNothing() async throws {
        let (response, ending, server, proxy) = try await exchange(.dropResponseAfterRequest)
        defer { proxy.stop(); server.stop() }
        #expect(response.isEmpty)
        #expect(ending == .endOfStream)
        #expect(await eventually { server.connections.count == 1 })
        #expect(server.connections.first?.received == Self.request)
        #expect(server.connections.first?.answered == true)
        #expect(proxy.statistics.droppedResponses == 1)
        #expect(proxy.statistics.responseBytes == 0)
    }

    @Test func aNewFaultAppliesToTheNextConnection() async throws {
        let (_, _, server, proxy) = try await exchange(.resetOnAccept)
        defer { proxy.stop(); server.stop() }
        proxy.setFault(.pass)
        let (response, _) = await plainExchange(port: proxy.port, request: Self.request, timeout: .seconds(5))
        #expect(response == PlainTCPServer.response)
        #expect(proxy.statistics.connections == 2)
    }
}
