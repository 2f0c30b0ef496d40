// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

// kioskd-usb-rig: an emulated USB ID-card reader on an emulated usbdevfs (umockdev), for the libusb
// transport's tests.
//
//   kioskd-usb-rig read  --scheme split|single [--card KEY|none] [--fault FAULT] [--unplug-on-read]
//       Reads one card in process through USBTransport + ReaderSession and prints one JSON line (masked).
//   kioskd-usb-rig serve --scheme split|single [--card KEY|none] [--fault FAULT] [--unplugged]
//       Prints `UMOCKDEV_DIR=<dir>`; another process run with LD_PRELOAD=libumockdev-preload.so.0 and that
//       UMOCKDEV_DIR sees the reader. Commands on standard input, one a line: plug, unplug, card KEY|none,
//       fault FAULT. Ends at end of input.
//   kioskd-usb-rig watch --scheme split|single [--polling]
//       Watches the emulated bus with USBReaderWatcher (libusb hotplug, or listing the bus with --polling),
//       plugs the reader in, then out, and prints one JSON line per event the watcher reports.
//
// The rig re-executes itself under the umockdev preload library when it is not loaded yet.

import DeviceCatalog
import Foundation
import IDCard
import Logging
import Reader

let preload = "libumockdev-preload.so.0"
if !(ProcessInfo.processInfo.environment["LD_PRELOAD"] ?? "").contains("libumockdev-preload") {
    setenv("LD_PRELOAD", preload, 1)
    let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
    execv("/proc/self/exe", arguments)
    FileHandle.standardError.write(text: "kioskd-usb-rig: cannot re-execute under \(preload): errno \(errno)\n")
    exit(70)
}

extension FileHandle {
    /// Writes UTF-8 text, unbuffered.
    func write(text: String) { write(Data(text.utf8)) }
}

/// Exits with a usage message.
func usage(_ problem: String) -> Never {
    FileHandle.standardError.write(text: "kioskd-usb-rig: \(problem)\nusage: kioskd-usb-rig read|serve --scheme split|single "
        + "[--card KEY|none] [--fault FAULT] [--unplug-on-read] [--unplugged] [--polling] [--devices DIR]\n")
    exit(64)
}

/// Prints one line of JSON and flushes.
func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first, ["read", "serve", "watch"].contains(mode) else { usage("expected read, serve or watch") }
arguments.removeFirst()
var options: [String: String] = [:]
var flags: Set<String> = []
while let argument = arguments.first {
    arguments.removeFirst()
    if ["--unplug-on-read", "--unplugged", "--polling"].contains(argument) {
        flags.insert(argument)
    } else if argument.hasPrefix("--"), let value = arguments.first {
        options[argument] = value
        arguments.removeFirst()
    } else {
        usage("unexpected \(argument)")
    }
}
guard let descriptors = USBDescriptorSet(scheme: options["--scheme"] ?? "split") else { usage("unknown scheme") }
let cardKey = options["--card"] ?? "resident"
let card = cardKey == "none" ? nil : EmulatorFixture.builtIn.card(cardKey)
if cardKey != "none", card == nil { usage("unknown card \(cardKey)") }
guard let fault = EmulatorFault(rawValue: options["--fault"] ?? "none") else { usage("unknown fault") }

LoggingSystem.bootstrap(StreamLogHandler.standardError)
var logger = Logger(label: "kioskd-usb-rig")
logger.logLevel = ProcessInfo.processInfo.environment["KIOSKD_RIG_DEBUG"] == nil ? .warning : .debug
let emulator = ReaderEmulator(card: card, fault: fault, logger: logger)
let reader = EmulatedUSBReader(
    descriptors: descriptors, emulator: emulator, unplugsOnRead: flags.contains("--unplug-on-read"))

switch mode {
case "watch":
    let catalog: DeviceCatalog
    do {
        catalog = try DeviceCatalog.load(directory: options["--devices"] ?? "devices")
    } catch {
        usage("device catalog: \(error)")
    }
    let polling = flags.contains("--polling")
    let watcher = USBReaderWatcher(
        catalog: catalog, pollInterval: .milliseconds(300), usesHotplugWhenAvailable: !polling)
    await withTaskGroup(of: Void.self) { group in
        group.addTask { await reader.run() }
        let started = ContinuousClock.now
        func elapsed() -> Int64 {
            let (seconds, attoseconds) = (ContinuousClock.now - started).components
            return seconds * 1000 + attoseconds / 1_000_000_000_000_000
        }
        var events = watcher.events().makeAsyncIterator()
        emit(["event": "watching", "hotplug": !polling && USBReaderWatcher.usesHotplug])
        reader.plug()
        while let event = await events.next() {
            switch event {
            case let .arrived(device, model):
                emit(["event": "arrived", "device": "\(device)", "model": model.name, "elapsed_ms": elapsed()])
                reader.unplug()
            case let .departed(device):
                emit(["event": "departed", "device": "\(device)", "elapsed_ms": elapsed()])
            }
            if case .departed = event { break }
        }
        reader.finish()
        group.cancelAll()
    }
case "read":
    reader.plug()
    let catalog: DeviceCatalog
    do {
        catalog = try DeviceCatalog.load(directory: options["--devices"] ?? "devices")
    } catch {
        usage("device catalog: \(error)")
    }
    await withTaskGroup(of: Void.self) { group in
        group.addTask { await reader.run() }
        let started = ContinuousClock.now
        var result: [String: Any] = [:]
        do {
            let watcher = USBReaderWatcher(catalog: catalog)
            let readers = watcher.readers(among: try await USBTransport.attachedDevices())
            guard let (device, model) = readers.first, case .usb(let interface) = model.connection else {
                throw ReaderError(.openFailed, "no reader on the emulated bus")
            }
            let transport = try await USBTransport(device: device, interface: interface)
            result["transport"] = transport.name
            result["plan"] = transport.plan.description
            let session = ReaderSession(transport: transport, logger: logger)
            switch await session.readCard() {
            case .noCard:
                result["outcome"] = "no_card"
            case .card(let reading):
                let summary = reading.read.identity.summary
                result["outcome"] = "card"
                result["card_type"] = summary.cardType
                result["number"] = summary.maskedNumber
                result["name"] = summary.maskedName
            case .failed(let error):
                result["outcome"] = "failed"
                result["code"] = "\(error.code)"
                result["error"] = "\(error)"
            }
            await transport.close()
        } catch {
            result["outcome"] = "failed"
            result["code"] = (error as? ReaderError).map { "\($0.code)" } ?? "other"
            result["error"] = "\(error)"
        }
        result["elapsed_ms"] = (ContinuousClock.now - started).components.seconds * 1000
            + (ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000
        emit(result)
        reader.finish()
        group.cancelAll()
    }
default:
    if !flags.contains("--unplugged") { reader.plug() }
    let commands = AsyncStream<String> { continuation in
        let thread = Thread {
            while let line = readLine() { continuation.yield(line) }
            continuation.finish()
        }
        thread.start()
    }
    FileHandle.standardOutput.write(text: "UMOCKDEV_DIR=\(reader.rootDirectory)\n")
    await withTaskGroup(of: Void.self) { group in
        group.addTask { await reader.run() }
        for await line in commands {
            let words = line.split(separator: " ").map(String.init)
            switch words.first {
            case "plug": reader.plug()
            case "unplug": reader.unplug()
            case "card" where words.count == 2: emulator.present(EmulatorFixture.builtIn.card(words[1]))
            case "fault" where words.count == 2: EmulatorFault(rawValue: words[1]).map(emulator.inject)
            default: FileHandle.standardError.write(text: "kioskd-usb-rig: unknown command\n")
            }
            FileHandle.standardOutput.write(text: "ok \(words.first ?? "")\n")
        }
        reader.finish()
        group.cancelAll()
    }
}
