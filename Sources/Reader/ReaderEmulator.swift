// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import DeviceIO
import IDCard
public import Logging
import Synchronization

/// A SAM reader in software: it reads command frames and answers with response frames, byte for byte as
/// the protocol says (research notes §1–3), for tests and for `kioskd emulate reader`.
///
/// The card on the reader and the fault mode can be changed at any time with ``present(_:)`` and
/// ``inject(_:)``. The reader follows the protocol's states: find answers `9F` with a card and `80`
/// without; select answers `90` with an 8-byte serial after a successful find and `81` otherwise; read text
/// and photo answers `90` with `01 00 04 00`, the 256-byte text and the 1024-byte photo after a select, and
/// `41` otherwise; SAM status, reset and SAM id answer `90`; unknown commands `21`; a garbled command `10`.
///
/// Run it with ``serve(_:)`` on any ``ReaderTransport``: one end of ``connectedPair()`` in process, or the
/// master side of a pty through ``PseudoTerminalReader``.
public final class ReaderEmulator: Sendable {
    private struct State {
        var card: EmulatedCard?
        var fault: EmulatorFault
        var selected = false
        var found = false
        var noise: UInt32 = 0x1234_5678
    }

    /// One write of an answer, after a pause.
    struct Output {
        var bytes: [UInt8]
        var delay: Duration
    }

    private let state: Mutex<State>
    /// The delay of every answer in ``EmulatorFault/slowSAM`` mode.
    public let slowDelay: Duration
    private let logger: Logger

    /// Creates an emulator.
    /// - Parameters:
    ///   - card: The card on the reader, or nil.
    ///   - fault: The fault mode.
    ///   - slowDelay: The delay in ``EmulatorFault/slowSAM`` mode; 3 s by default, beyond every default timeout.
    ///   - logger: Logs each command at debug level (never card data).
    public init(card: EmulatedCard? = nil, fault: EmulatorFault = .none, slowDelay: Duration = .seconds(3), logger: Logger)
    {
        state = Mutex(State(card: card, fault: fault))
        self.slowDelay = slowDelay
        self.logger = logger
    }

    /// Puts a card on the reader, or takes it away with nil.
    /// - Parameter card: The card.
    public func present(_ card: EmulatedCard?) {
        state.withLock {
            $0.card = card
            $0.found = false
            $0.selected = false
        }
    }

    /// Switches the fault mode.
    /// - Parameter fault: The new mode.
    public func inject(_ fault: EmulatorFault) {
        state.withLock { $0.fault = fault }
    }

    /// The card on the reader.
    public var card: EmulatedCard? { state.withLock { $0.card } }

    /// The fault mode.
    public var fault: EmulatorFault { state.withLock { $0.fault } }

    /// Creates an in-process link: a connected pair of non-blocking stream sockets.
    /// - Returns: The host's end (for a ``ReaderSession``) and the device's end (for ``serve(_:)``).
    /// - Throws: ``ReaderError/Code/openFailed``.
    public static func connectedPair() throws -> (host: any ReaderTransport, device: any ReaderTransport) {
        let (host, device): (CInt, CInt)
        do {
            (host, device) = try SocketPair.make()
        } catch {
            throw ReaderError(error)
        }
        return (
            DescriptorTransport(descriptor: host, name: "in-process", isSocket: true),
            DescriptorTransport(descriptor: device, name: "in-process emulator", isSocket: true)
        )
    }

    /// The queue the emulator answers on, as a reader's firmware would, whatever else the process is doing:
    /// start ``serve(_:)`` with it as the task's executor preference (`group.addTask(executorPreference:)`).
    public let executor = DedicatedExecutor(label: "kioskd.reader.emulator")

    /// Answers commands until the task is cancelled or the link is lost, on ``executor``.
    /// - Parameter transport: The device side of the link.
    public func serve(_ transport: any ReaderTransport) async {
        await withTaskExecutorPreference(executor) { await self.answer(on: transport) }
    }

    private func answer(on transport: any ReaderTransport) async {
        var decoder = FrameDecoder()
        while !Task.isCancelled {
            let bytes: [UInt8]
            do {
                bytes = try await transport.read(maximumCount: 4096, timeout: .milliseconds(250))
            } catch {
                return
            }
            for event in decoder.feed(bytes) {
                let outputs: [Output]
                switch event {
                case .frame(let frame): outputs = respond(to: Command(frame: frame))
                case .rejected: outputs = finish(Self.answer(.checksumError), fault: fault)
                case .garbage: outputs = []
                }
                for output in outputs {
                    if output.delay > .zero {
                        guard (try? await Task.sleep(for: output.delay)) != nil else { return }
                    }
                    do {
                        try await transport.write(output.bytes, timeout: .seconds(2))
                    } catch {
                        return
                    }
                }
            }
        }
    }

    /// The answer to one command, with the fault applied.
    func respond(to command: Command) -> [Output] {
        let (response, fault, pulled) = state.withLock { state -> (Response, EmulatorFault, Bool) in
            let fault = state.fault
            let card = fault == .noCard ? nil : state.card
            if fault == .selfTestFailure { return (Self.answer(.selfTestFailed), fault, false) }
            switch (command.code, command.parameter) {
            case (0x10, 0xFF), (0x11, 0xFF):
                return (Self.answer(.success), fault, false)
            case (0x12, 0xFF):
                return (Self.answer(.success, data: Array(repeating: 0x01, count: 16)), fault, false)
            case (0x20, 0x01):
                state.selected = false
                state.found = card != nil
                return (Self.answer(card == nil ? .cardNotFound : .cardFound, data: card == nil ? [] : [0, 0, 0, 0]), fault, false)
            case (0x20, 0x02):
                guard card != nil, state.found else { return (Self.answer(.selectFailed), fault, false) }
                state.selected = true
                return (Self.answer(.success, data: Array(repeating: 0, count: 8)), fault, false)
            case (0x30, 0x01), (0x30, 0x10):
                guard let card, state.selected else { return (Self.answer(.readFailed), fault, false) }
                state.selected = false
                state.found = false
                // §3.2 / §3.3: big-endian lengths (text 256, photo 1024, fingerprint 0/512/1024), then the data.
                let fingerprint = command.parameter == 0x10 ? card.fingerprint : []
                var lengths: [UInt8] = [0x01, 0x00, 0x04, 0x00]
                if command.parameter == 0x10 { lengths += [UInt8(fingerprint.count >> 8), UInt8(fingerprint.count & 0xFF)] }
                let response = Self.answer(.success, data: lengths + card.textBlock + card.photo + fingerprint)
                if fault == .cardPulledMidRead {
                    state.card = nil
                    return (response, fault, true)
                }
                return (response, fault, false)
            case (0x30, 0x03):
                guard let card, state.selected else { return (Self.answer(.readFailed), fault, false) }
                state.selected = false
                state.found = false
                guard let block = card.additionalAddressBlock else { return (Self.answer(.noContent), fault, false) }
                return (Self.answer(.success, data: block), fault, false)
            default:
                return (Self.answer(.commandError), fault, false)
            }
        }
        logger.debug(
            "Emulator answered",
            metadata: [
                LogKey.command.rawValue: "\(command.name)",
                LogKey.status.rawValue: "\(response.status)",
                LogKey.fault.rawValue: "\(fault.rawValue)",
            ]
        )
        if pulled { return [Output(bytes: Array(response.encoded.prefix(300)), delay: .zero)] }
        return finish(response, fault: fault)
    }

    /// Applies the byte-level faults to an answer.
    private func finish(_ response: Response, fault: EmulatorFault) -> [Output] {
        var bytes = response.encoded
        var delay = Duration.zero
        switch fault {
        case .badChecksum: bytes[bytes.count - 1] ^= 0x5A
        case .slowSAM: delay = slowDelay
        case .garbage: bytes = noise(count: 13) + bytes
        case .none, .noCard, .cardPulledMidRead, .selfTestFailure: break
        }
        return [Output(bytes: bytes, delay: delay)]
    }

    /// Line noise without the preamble's first byte, so it never starts a frame.
    private func noise(count: Int) -> [UInt8] {
        state.withLock { state in
            (0..<count).map { _ in
                state.noise = state.noise &* 1_103_515_245 &+ 12345
                let byte = UInt8(truncatingIfNeeded: state.noise >> 16)
                return byte == 0xAA ? 0x55 : byte
            }
        }
    }

    private static func answer(_ status: CardStatus, data: [UInt8] = []) -> Response {
        // The data is at most 1,290 bytes, far below the frame limit.
        (try? Response(status: status, data: data)) ?? (try! Response(status: .unrecognisedError))
    }
}
