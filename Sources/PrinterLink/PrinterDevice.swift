// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Dispatch
public import DeviceIO

/// A byte link to an ESC/POS receipt printer: a usblp device (`/dev/usb/lp0`) or a tty (USB-serial,
/// RS-232, or the ``PrinterEmulator``'s pty).
///
/// Opening takes an exclusive `flock`; a tty also gets raw mode and the line settings. Every write and
/// status request has a timeout, and the blocking calls run on a queue this device owns, never on Swift's
/// cooperative pool.
public final class PrinterDevice: Sendable {
    /// The device path.
    public let path: String
    private let link: DescriptorLink

    /// Bytes written per call, so a timeout measures a stall, not the length of a long job.
    public static let chunkSize = 4096

    /// Opens a printer device.
    /// - Parameters:
    ///   - path: `/dev/usb/lp0`, `/dev/ttyUSB0`, a symlink such as `/dev/kioskd/printer-front`.
    ///   - serial: The line settings when the device is a tty; ignored for usblp.
    /// - Throws: ``PrinterLinkError/Code/openFailed`` (missing, no permission, in use, settings refused).
    public init(path: String, serial: SerialSettings = .standard) async throws(PrinterLinkError) {
        self.path = path
        let queue = DispatchQueue(label: "kioskd.printer.device")
        do throws(DeviceIOError) {
            let descriptor = try await DescriptorLink.run(on: queue) { _ throws(DeviceIOError) in
                let descriptor = try DeviceFile.open(path: path)
                guard DeviceFile.isTerminal(descriptor) else { return descriptor }
                do throws(DeviceIOError) {
                    try SerialLine.configure(descriptor, path: path, settings: serial)
                } catch {
                    DeviceFile.close(descriptor)
                    throw error
                }
                return descriptor
            }
            link = DescriptorLink(descriptor: descriptor, name: path, queue: queue)
        } catch {
            throw PrinterLinkError(error)
        }
    }

    /// Writes all the bytes, a chunk at a time.
    /// - Parameters:
    ///   - bytes: The job's ESC/POS bytes.
    ///   - stallTimeout: How long the printer may take no bytes at all before the write fails.
    /// - Throws: ``PrinterLinkError`` (``PrinterLinkError/Code/timeout``, ``PrinterLinkError/Code/disconnected``,
    ///   ``PrinterLinkError/Code/cancelled``, ``PrinterLinkError/Code/ioFailed``).
    public func write(_ bytes: [UInt8], stallTimeout: Duration) async throws(PrinterLinkError) {
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + Self.chunkSize, bytes.count)
            do {
                try await link.write(Array(bytes[offset..<end]), timeout: stallTimeout)
            } catch {
                throw PrinterLinkError(error)
            }
            offset = end
        }
    }

    /// Asks the printer for its real-time status (`DLE EOT 1`, `2`, `4`, one at a time).
    ///
    /// Bytes the printer sent earlier are dropped first, so an old answer is never taken for a new one.
    /// - Parameter timeout: How long to wait for each answer.
    /// - Returns: The decoded status, or `nil` when the printer did not answer in time.
    /// - Throws: ``PrinterLinkError/Code/badStatus`` for an answer that is not a status byte, or a link error.
    public func realTimeStatus(timeout: Duration) async throws(PrinterLinkError) -> RealTimeStatus? {
        var answers: [UInt8] = []
        do throws(DeviceIOError) {
            while try await !link.read(maximumCount: 256, timeout: .zero).isEmpty {}
            for request in RealTimeStatus.Request.check {
                try await link.write(request.bytes, timeout: timeout)
                let answer = try await link.read(maximumCount: 1, timeout: timeout)
                guard let byte = answer.first else { return nil }
                answers.append(byte)
            }
        } catch {
            throw PrinterLinkError(error)
        }
        return try RealTimeStatus(printer: answers[0], offlineCause: answers[1], paperSensor: answers[2])
    }

    /// The printer's state from its real-time status; ``PrinterState/noAnswer`` when it did not answer.
    /// - Parameter timeout: How long to wait for each answer.
    /// - Returns: The state.
    /// - Throws: ``PrinterLinkError/Code/badStatus`` or a link error.
    public func state(timeout: Duration) async throws(PrinterLinkError) -> PrinterState {
        try await realTimeStatus(timeout: timeout)?.state ?? .noAnswer
    }

    /// Closes the device; closing twice is harmless.
    public func close() async {
        await link.close()
    }
}
