// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceIO
import Glibc
import Synchronization

/// An ESC/POS receipt printer in software, on a pty: it keeps the bytes it is sent as jobs and answers
/// `DLE EOT n` as its ``PrinterFault`` says, for tests and for trying the CUPS backend without hardware.
///
/// The code under test opens ``devicePath`` (the pty slave, or a symlink to it) as it would open a
/// USB-serial printer. A job is the run of bytes between two status requests or two pauses of
/// ``jobGap``; status requests are never part of a job.
public final class PrinterEmulator: Sendable {
    /// The path to open: the symlink when one was asked for, else the pty slave (`/dev/pts/N`).
    public let devicePath: String
    /// The quiet time that ends a job.
    public let jobGap: Duration
    private let master: DescriptorLink
    private let terminal: PseudoTerminal
    private let symlinkPath: String?
    private let state: Mutex<State>
    private let executor = DedicatedExecutor(label: "kioskd.printer.emulator")
    private let serving = Mutex<Task<Void, Never>?>(nil)

    private struct State {
        var fault: PrinterFault
        var jobs: [[UInt8]] = []
        var current: [UInt8] = []
        var statusRequests = 0
        var slaveOpen = true
    }

    /// Creates the pty (and the symlink) and starts answering on it.
    /// - Parameters:
    ///   - symlinkPath: A path to link to the pty slave, e.g. `/tmp/x/printer-front`; replaced if present.
    ///   - fault: The starting mode.
    ///   - jobGap: The quiet time that ends a job.
    /// - Throws: ``PrinterLinkError/Code/openFailed``.
    public init(
        symlinkPath: String? = nil, fault: PrinterFault = .none, jobGap: Duration = .milliseconds(300)
    ) throws(PrinterLinkError) {
        do {
            terminal = try PseudoTerminal()
        } catch {
            throw PrinterLinkError(error)
        }
        if let symlinkPath {
            _ = unlink(symlinkPath)
            guard symlink(terminal.slavePath, symlinkPath) == 0 else {
                let error = errno
                terminal.closeSlave()
                DeviceFile.close(terminal.master)
                throw PrinterLinkError(.openFailed, "\(symlinkPath): symlink: errno \(error)")
            }
        }
        devicePath = symlinkPath ?? terminal.slavePath
        self.symlinkPath = symlinkPath
        self.jobGap = jobGap
        master = DescriptorLink(descriptor: terminal.master, name: "printer emulator \(terminal.slavePath)")
        state = Mutex(State(fault: fault))
        // Serving starts at once, on the emulator's own queue, as a printer answers as soon as it is powered.
        let task = Task(executorPreference: executor) { [weak self] in
            guard let self else { return }
            await self.serve()
        }
        serving.withLock { $0 = task }
    }

    deinit {
        unplugDevice()
    }

    /// Switches the fault mode; ``PrinterFault/unplugged`` takes effect within one ``jobGap``.
    /// - Parameter fault: The new mode.
    public func inject(_ fault: PrinterFault) {
        state.withLock { $0.fault = fault }
    }

    /// The fault mode.
    public var fault: PrinterFault { state.withLock { $0.fault } }

    /// The jobs received so far, oldest first (a job still arriving is not included).
    public var jobs: [[UInt8]] { state.withLock { $0.jobs } }

    /// How many status requests (`DLE EOT n`) arrived.
    public var statusRequests: Int { state.withLock { $0.statusRequests } }

    /// Waits while the emulator serves the line: until the calling task is cancelled, ``close()`` is called, or
    /// the printer is unplugged.
    ///
    /// Serving starts when the emulator is created and runs on a queue of its own, as a printer's firmware
    /// would: status requests are answered in time even when the process's cooperative threads are busy.
    public func run() async {
        guard let task = serving.withLock({ $0 }) else { return }
        await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
    }

    private func serve() async {
        var parser = StatusRequestParser()
        while !Task.isCancelled {
            if fault == .unplugged {
                await unplug()
                return
            }
            let bytes: [UInt8]
            do {
                bytes = try await master.read(maximumCount: 4096, timeout: jobGap)
            } catch {
                return
            }
            if bytes.isEmpty {
                let held = parser.flush()
                state.withLock { $0.current += held }
                finishJob()
                continue
            }
            var answers: [UInt8] = []
            for item in parser.feed(bytes) {
                switch item {
                case .data(let data):
                    state.withLock { $0.current += data }
                case .request(let number):
                    let answer = state.withLock { state -> UInt8? in
                        state.statusRequests += 1
                        if !state.current.isEmpty {
                            state.jobs.append(state.current)
                            state.current = []
                        }
                        return state.fault.answer(to: number)
                    }
                    if let answer { answers.append(answer) }
                }
            }
            if !answers.isEmpty {
                do {
                    try await master.write(answers, timeout: .seconds(2))
                } catch {
                    return
                }
            }
        }
    }

    /// Waits until at least `count` jobs have arrived.
    /// - Parameters:
    ///   - count: How many jobs to wait for.
    ///   - timeout: The longest wait.
    /// - Returns: The jobs, or `nil` when fewer arrived in time.
    public func waitForJobs(count: Int, timeout: Duration) async -> [[UInt8]]? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let jobs = self.jobs
            if jobs.count >= count { return jobs }
            guard (try? await Task.sleep(for: .milliseconds(20))) != nil else { return nil }
        }
        return nil
    }

    /// Hangs the line up and removes the symlink, as if the printer were unplugged.
    public func close() async {
        await unplug()
    }

    private func finishJob() {
        state.withLock { state in
            guard !state.current.isEmpty else { return }
            state.jobs.append(state.current)
            state.current = []
        }
    }

    private func unplug() async {
        finishJob()
        await master.close()
        unplugDevice()
    }

    /// Removes the symlink and closes the emulator's slave descriptor, once.
    private func unplugDevice() {
        let wasOpen = state.withLock { state in
            defer { state.slaveOpen = false }
            return state.slaveOpen
        }
        guard wasOpen else { return }
        if let symlinkPath { _ = unlink(symlinkPath) }
        terminal.closeSlave()
    }
}
