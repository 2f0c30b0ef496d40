// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The kiosk's terminal while the menu owns it: raw input, the alternate screen, SGR mouse reports on, the
/// cursor hidden — and all of it restored by ``restore()``, also when the menu is stopped by a signal.
///
/// Reading happens on a thread of its own (a blocking `read(2)` never occupies Swift's cooperative pool):
/// ``input`` yields the bytes as they come and finishes at end of file.
public final class TerminalSession: Sendable {
    /// The bytes typed or tapped, as read.
    public let input: AsyncStream<[UInt8]>
    private let inputDescriptor: CInt
    private let outputDescriptor: CInt
    private let saved: Mutex<termios?>

    /// Escape sequences that set the terminal up: alternate screen, hidden cursor, mouse press/release in
    /// SGR encoding, then a cleared screen.
    static let enter = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?1000h\u{1B}[?1006h\u{1B}[2J"
    /// And those that undo it.
    static let leave = "\u{1B}[?1006l\u{1B}[?1000l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

    /// Takes over the terminal on standard input and output.
    /// - Throws: ``MenuError`` `notATerminal` when standard input is not a terminal.
    public init(input inputDescriptor: CInt = STDIN_FILENO, output outputDescriptor: CInt = STDOUT_FILENO) throws(MenuError) {
        guard isatty(inputDescriptor) == 1 else {
            throw MenuError(.notATerminal, "kioskd menu needs a terminal (run it in xterm or tmux)")
        }
        self.inputDescriptor = inputDescriptor
        self.outputDescriptor = outputDescriptor
        var original = termios()
        tcgetattr(inputDescriptor, &original)
        var raw = original
        cfmakeraw(&raw)
        raw.c_oflag |= tcflag_t(OPOST | ONLCR)
        tcsetattr(inputDescriptor, TCSAFLUSH, &raw)
        saved = Mutex(original)
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        input = stream
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(inputDescriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                continuation.yield(Array(buffer[0..<count]))
            }
            continuation.finish()
        }
        thread.name = "kioskd-menu-input"
        thread.start()
        write(Self.enter)
    }

    /// The terminal's size now, or 80×24 when it cannot be asked.
    public var size: TerminalSize {
        var window = winsize()
        guard ioctl(outputDescriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else {
            return TerminalSize(columns: 80, rows: 24)
        }
        return TerminalSize(columns: Int(window.ws_col), rows: Int(window.ws_row))
    }

    /// Writes a frame or control sequences, all of it.
    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(outputDescriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Gives the terminal back as it was: main screen, cursor, no mouse reports, the saved line settings.
    public func restore() {
        write(Self.leave)
        saved.withLock { original in
            guard var settings = original else { return }
            tcsetattr(inputDescriptor, TCSAFLUSH, &settings)
            original = nil
        }
    }
}
