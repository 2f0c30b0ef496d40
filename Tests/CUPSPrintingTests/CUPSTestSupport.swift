// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting
import Foundation
import KioskTesting
import Logging
import Testing

/// A ticket's bytes: ESC @, Chinese mode and GB18030 text (“取号”), a cut, then every byte value once.
let ticketBytes: [UInt8] =
    [0x1B, 0x40, 0x1C, 0x26, 0xC8, 0xA1, 0xBA, 0xC5, 0x0A, 0x1D, 0x56, 0x01] + (0...255).map { UInt8($0) }

/// A logger for the client under test.
let testLogger = Logger(label: "kioskd.test.cups")

/// Starts a private cupsd, runs the body, and stops cupsd whatever happens.
func withPrivateCUPS(
    kioskdScheme: PrivateCUPS.KioskdScheme = .none, _ body: (PrivateCUPS) async throws -> Void
) async throws {
    let cups = try await PrivateCUPS(kioskdScheme: kioskdScheme)
    do {
        try await body(cups)
    } catch {
        Issue.record("cupsd error_log:\n\(cups.errorLog().suffix(3000))")
        await cups.stop()
        throw error
    }
    await cups.stop()
}

/// Reads a job's status until `predicate` holds; fails the test at the deadline.
func waitForJob(
    _ client: CUPSClient, id: Int, timeout: Duration = .seconds(30), until predicate: (JobStatus) -> Bool
) async throws -> JobStatus {
    let deadline = ContinuousClock.now + timeout
    while true {
        let status = try await client.jobStatus(id: id)
        if predicate(status) { return status }
        guard ContinuousClock.now < deadline else {
            Issue.record("job \(id) stayed \(status.state) \(status.reasons)")
            return status
        }
        try await Task.sleep(for: .milliseconds(100))
    }
}

/// Reads a queue's status until `predicate` holds; fails the test at the deadline.
func waitForPrinter(
    _ client: CUPSClient, queue: String, timeout: Duration = .seconds(30), until predicate: (PrinterStatus) -> Bool
) async throws -> PrinterStatus {
    let deadline = ContinuousClock.now + timeout
    while true {
        let status = await client.printerStatus(queue: queue)
        if predicate(status) { return status }
        guard ContinuousClock.now < deadline else {
            Issue.record("queue \(queue) stayed \(status.condition) \(status.reasons)")
            return status
        }
        try await Task.sleep(for: .milliseconds(100))
    }
}

/// A TCP listener on 127.0.0.1 that never accepts or answers: the kernel completes the handshake, so a
/// client connects and then waits forever for a reply — a hung cupsd.
final class SilentListener {
    let port: Int
    private let descriptor: CInt

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw CUPSError(.unreachable, "test listener: errno \(errno)")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}

/// The result of running the backend binary directly.
struct BackendRun {
    let status: Int32
    let output: String
    let errors: String
}

/// Runs the built `kioskd-cups-backend` with the arguments and `DEVICE_URI`, and waits (30 s at most).
func runBackend(_ arguments: [String], deviceURI: String? = nil, input: [UInt8] = []) async throws -> BackendRun {
    let outcome = try await ProcessRunner.run(
        PrivateCUPS.kioskdBackendBinary, arguments, environment: deviceURI.map { ["DEVICE_URI": $0] } ?? [:],
        input: Data(input), timeout: .seconds(30))
    return BackendRun(status: outcome.status, output: outcome.outputText, errors: outcome.errorText)
}
