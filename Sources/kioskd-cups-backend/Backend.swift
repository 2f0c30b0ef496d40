// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceIO
import Dispatch
import Glibc
import PrinterLink

/// The kioskd CUPS backend (man 7 backend): sends a job to an ESC/POS printer and tells cupsd its paper state.
///
/// With no arguments it lists devices (discovery). With `job-id user title copies options [file]` it reads
/// the device URI from `DEVICE_URI` (or `argv[0]`), asks the printer for its status, sends the job (from the
/// file or standard input), asks again, and reports through `STATE:` lines on standard error. Every device
/// wait has a timeout, so the backend never hangs.
@main
enum Backend {
    /// How long the printer has to answer each status request.
    static let statusTimeout: Duration = .seconds(2)
    /// How long the printer may take no bytes at all while a job is written.
    static let stallTimeout: Duration = .seconds(20)

    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        let arguments = CommandLine.arguments
        switch arguments.count {
        case 1:
            for line in Discovery.lines() { print(line) }
            exit(BackendExit.ok.rawValue)
        case 6, 7:
            let uri = getenv("DEVICE_URI").map { String(cString: $0) } ?? arguments[0]
            let exit = await printJob(uri: uri, file: arguments.count == 7 ? arguments[6] : nil)
            Glibc.exit(exit.rawValue)
        default:
            report("Usage: \(DeviceURI.scheme) job-id user title copies options [file]")
            exit(BackendExit.failed.rawValue)
        }
    }

    /// Checks the printer, sends the job, checks again.
    static func printJob(uri: String, file: String?) async -> BackendExit {
        let device: DeviceURI
        do {
            device = try DeviceURI(uri)
        } catch {
            report("ERROR: Bad device URI \"\(uri)\": \(error)")
            return .stop
        }
        let job: [UInt8]
        do {
            job = try await readJob(from: file)
        } catch {
            report("ERROR: Cannot read the print data: \(error)")
            return .failed
        }
        let printer: PrinterDevice
        do {
            printer = try await PrinterDevice(path: device.path, serial: device.serial)
        } catch {
            report("STATE: +offline-report")
            report("ERROR: Printer not connected (\(error))")
            return .retry
        }
        let exit = await send(job, to: printer, device: device)
        await printer.close()
        return exit
    }

    /// Checks the open printer, writes the job, checks again.
    static func send(_ job: [UInt8], to printer: PrinterDevice, device: DeviceURI) async -> BackendExit {
        if device.queriesStatus {
            let state: PrinterState
            do {
                state = try await printer.state(timeout: statusTimeout)
            } catch {
                report("STATE: +offline-report")
                report("ERROR: Printer status unreadable (\(error))")
                return .retry
            }
            reportState(state)
            guard state.canPrint else {
                report("ERROR: \(state.message)")
                return state.needsAttendant && device.onPaperOut == .stop ? .stop : .retry
            }
        }
        report("INFO: Sending \(job.count) bytes")
        do {
            try await printer.write(job, stallTimeout: stallTimeout)
        } catch {
            report("STATE: +offline-report")
            report("ERROR: Printer stopped taking data (\(error))")
            return .retry
        }
        if device.queriesStatus, let state = try? await printer.state(timeout: statusTimeout) {
            reportState(state)
        }
        report("INFO: Job sent")
        return .ok
    }

    /// Reads the whole job from a file or standard input, on a queue of its own.
    static func readJob(from file: String?) async throws(DeviceIOError) -> [UInt8] {
        try await DescriptorLink.run(on: DispatchQueue(label: "kioskd.backend.job")) { _ throws(DeviceIOError) in
            let descriptor = file.map { open($0, O_RDONLY | O_CLOEXEC) } ?? STDIN_FILENO
            guard descriptor >= 0 else { throw DeviceIOError(.openFailed, "\(file ?? "stdin"): errno \(errno)") }
            defer { if file != nil { _ = close(descriptor) } }
            var job: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    job += buffer[..<count]
                } else if count == 0 {
                    return job
                } else if errno != EINTR {
                    throw DeviceIOError(.ioFailed, "\(file ?? "stdin"): read: errno \(errno)")
                }
            }
        }
    }

    /// Tells cupsd the printer's state: its reason set, the others cleared, and the message.
    static func reportState(_ state: PrinterState) {
        for line in state.stateLines { report(line) }
        report("INFO: \(state.message)")
    }

    /// Writes one line to standard error, where cupsd reads backend messages.
    static func report(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
