// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceIO
import Synchronization

/// A ``ReaderEmulator`` on a pty: the emulator serves the master side, and ``slavePath`` is the device a
/// ``SerialTransport`` (or any serial program) opens.
///
/// The line is in raw mode from the start. The emulator keeps its own descriptor on the slave, so clients
/// may open and close the device any number of times. ``close()`` hangs the line up: clients then read
/// ``ReaderError/Code/disconnected``, as with an unplugged USB-serial reader.
public final class PseudoTerminalReader: Sendable {
    /// The slave device, e.g. `/dev/pts/3`.
    public let slavePath: String
    /// The emulator answering on the line.
    public let emulator: ReaderEmulator
    private let master: DescriptorTransport
    private let terminal: PseudoTerminal
    private let slaveClosed = Atomic<Bool>(false)

    /// Creates the pty; nothing is answered until ``run()``.
    /// - Parameter emulator: The emulator to serve.
    /// - Throws: ``ReaderError/Code/openFailed``.
    public init(emulator: ReaderEmulator) throws {
        do {
            terminal = try PseudoTerminal()
        } catch {
            throw ReaderError(error)
        }
        slavePath = terminal.slavePath
        master = DescriptorTransport(descriptor: terminal.master, name: "pty master \(terminal.slavePath)")
        self.emulator = emulator
    }

    /// Answers on the line until the task is cancelled or ``close()`` is called.
    public func run() async {
        await emulator.serve(master)
    }

    /// Closes the master side (the line hangs up) and the emulator's slave descriptor.
    public func close() async {
        await master.close()
        closeSlave()
    }

    deinit {
        closeSlave()
    }

    private func closeSlave() {
        guard !slaveClosed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        terminal.closeSlave()
    }
}
