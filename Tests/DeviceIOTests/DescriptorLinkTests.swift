// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceIO
import Dispatch
import Testing

@Suite struct DescriptorLinkTests {
    /// A pty whose master is a link, and the slave opened as a serial device the way a driver opens it.
    static func openLine() async throws -> (master: DescriptorLink, slave: DescriptorLink, terminal: PseudoTerminal) {
        let terminal = try PseudoTerminal()
        let master = DescriptorLink(descriptor: terminal.master, name: "master")
        let queue = DispatchQueue(label: "test.slave")
        let descriptor = try await DescriptorLink.run(on: queue) { _ throws(DeviceIOError) in
            try SerialLine.open(path: terminal.slavePath, settings: .standard)
        }
        return (master, DescriptorLink(descriptor: descriptor, name: terminal.slavePath, queue: queue), terminal)
    }

    @Test func bytesCrossARealPseudoTerminalUnchanged() async throws {
        let (master, slave, terminal) = try await Self.openLine()
        // Raw mode: CR, LF, DLE, XON/XOFF and 0xFF pass as they are.
        let bytes: [UInt8] = [0x1B, 0x40, 0x0D, 0x0A, 0x10, 0x04, 0x01, 0x11, 0x13, 0x00, 0xFF]
        try await slave.write(bytes, timeout: .seconds(2))
        var received: [UInt8] = []
        while received.count < bytes.count {
            let chunk = try await master.read(maximumCount: 64, timeout: .seconds(2))
            try #require(!chunk.isEmpty)
            received += chunk
        }
        #expect(received == bytes)
        await slave.close()
        await master.close()
        terminal.closeSlave()
    }

    @Test func readWithNothingToReadReturnsEmptyAfterTheTimeout() async throws {
        let (master, slave, terminal) = try await Self.openLine()
        let start = ContinuousClock.now
        let bytes = try await slave.read(maximumCount: 16, timeout: .milliseconds(200))
        #expect(bytes.isEmpty)
        #expect(ContinuousClock.now - start >= .milliseconds(200))
        await slave.close()
        await master.close()
        terminal.closeSlave()
    }

    @Test func hungUpLineIsDisconnected() async throws {
        let (master, slave, terminal) = try await Self.openLine()
        await master.close()
        terminal.closeSlave()
        await #expect(throws: DeviceIOError(.disconnected)) {
            _ = try await slave.read(maximumCount: 16, timeout: .seconds(5))
        }
        await slave.close()
    }

    @Test func closedLinkIsDisconnected() async throws {
        let (master, slave, terminal) = try await Self.openLine()
        await slave.close()
        await #expect(throws: DeviceIOError(.disconnected)) {
            try await slave.write([0x00], timeout: .seconds(1))
        }
        await master.close()
        terminal.closeSlave()
    }

    @Test func cancellingAWaitingReadEndsItPromptly() async throws {
        let (master, slave, terminal) = try await Self.openLine()
        let start = ContinuousClock.now
        let reader = Task { try await slave.read(maximumCount: 16, timeout: .seconds(600)) }
        try await Task.sleep(for: .milliseconds(100))
        reader.cancel()
        await #expect(throws: DeviceIOError(.cancelled)) { _ = try await reader.value }
        // Far below the read's own 600 s: the cancellation ended it (generous, for a loaded two-core run).
        #expect(ContinuousClock.now - start < .seconds(60))
        await slave.close()
        await master.close()
        terminal.closeSlave()
    }

    @Test func fullLineTimesOutAWrite() async throws {
        let (master, slave, terminal) = try await Self.openLine()
        // Nobody reads the master: the pty buffer fills and the write gives up at its timeout.
        await #expect(throws: DeviceIOError(.timeout)) {
            try await slave.write([UInt8](repeating: 0x41, count: 1 << 20), timeout: .milliseconds(300))
        }
        await slave.close()
        await master.close()
        terminal.closeSlave()
    }
}
