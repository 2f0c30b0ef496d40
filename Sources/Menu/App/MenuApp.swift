// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The touchscreen menu on the kiosk's terminal: it owns the terminal, the daemon client and the event
/// stream, and carries out what ``MenuStateMachine`` asks.
///
/// ``run()`` merges the terminal's input, the daemon's events, the answers to requests and a 500 ms tick
/// into one loop; it redraws the screen (only the rows that changed) after every change and on resize, and
/// gives the terminal back as it was when the input ends or SIGTERM, SIGINT or SIGHUP arrives.
public struct MenuApp: Sendable {
    /// How the menu runs.
    ///
    /// - Configuration keys:
    ///   - `server` (`--server`, URL, default `http://127.0.0.1:8080`): the daemon.
    ///   - `menu`: the state machine's settings (``MenuStateMachine/Configuration``).
    public struct Configuration: Sendable {
        /// The daemon's base URL.
        public var server = "http://127.0.0.1:8080"
        /// The state machine's settings.
        public var menu = MenuStateMachine.Configuration()

        /// The defaults.
        public init() {}
    }

    /// The configuration.
    public let configuration: Configuration

    /// A menu.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// What the loop reacts to.
    private enum Signal: Sendable {
        case bytes([UInt8])
        case input(MenuInput)
        case tick
        case resize
        case quit
    }

    /// Runs the menu until its input ends or a stop signal arrives.
    /// - Throws: ``MenuError`` `notATerminal` when standard input is not a terminal.
    public func run() async throws(MenuError) {
        let session = try TerminalSession()
        let client = DaemonClient(server: configuration.server)
        let (signals, continuation) = AsyncStream<Signal>.makeStream()
        let sources = [SIGTERM, SIGINT, SIGHUP, SIGWINCH].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number == SIGWINCH ? .resize : .quit) }
            source.resume()
            return source
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await bytes in session.input { continuation.yield(.bytes(bytes)) }
                continuation.yield(.quit)
            }
            group.addTask {
                await EventStream(client: client).run { continuation.yield(.input(.event($0))) }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(500))
                    continuation.yield(.tick)
                }
            }
            var loop = Loop(session: session, machine: MenuStateMachine(configuration: configuration.menu, now: Date()))
            var actions = loop.machine.start()
            var iterator = signals.makeAsyncIterator()
            running: while true {
                for action in actions {
                    switch action {
                    case .render: loop.render()
                    case .send(let request):
                        group.addTask {
                            do throws(MenuError) {
                                continuation.yield(.input(.reply(request, try await client.perform(request))))
                            } catch {
                                continuation.yield(.input(.failure(request, error)))
                            }
                        }
                    }
                }
                actions = []
                guard let signal = await iterator.next() else { break }
                switch signal {
                case .quit: break running
                case .resize: loop.redrawAll()
                case .tick: actions = loop.tick()
                case .input(let input): actions = loop.machine.handle(input, now: Date())
                case .bytes(let bytes): actions = loop.read(bytes)
                }
            }
            group.cancelAll()
        }
        for source in sources { source.cancel() }
        session.restore()
        await client.shutdown()
    }

    /// The loop's state: the machine, the frame laid out, what the terminal shows, the input parsing.
    private struct Loop {
        /// A button under a finger: yellow with black text, at once on touch-down.
        static let pressedStyle = TextStyle(foreground: .black, background: .yellow, bold: true)

        let session: TerminalSession
        var machine: MenuStateMachine
        var parser = InputParser()
        var resolver = ButtonResolver()
        var frame: ScreenLayout.Frame?
        var shown: Canvas?

        mutating func render() {
            let content = MenuScreen.content(for: machine.state)
            frame = ScreenLayout.frame(for: content, size: session.size, elderly: machine.state.elderly)
            show()
        }

        mutating func redrawAll() {
            shown = nil
            render()
        }

        /// Draws the frame, with the pressed button highlighted; only changed rows are written.
        private mutating func show() {
            guard var canvas = frame?.canvas else { return }
            if let pressed = resolver.pressed, let rect = frame?.targets.first(where: { $0.id == pressed })?.rect {
                canvas.restyle(rect, style: Self.pressedStyle)
            }
            session.write(canvas.rendered(since: shown))
            shown = canvas
        }

        mutating func tick() -> [MenuAction] {
            var actions: [MenuAction] = []
            if parser.hasPending, let escape = parser.flushEscape() { actions += press(escape) }
            return actions + machine.handle(.tick, now: Date())
        }

        mutating func read(_ bytes: [UInt8]) -> [MenuAction] {
            parser.feed(bytes).flatMap { press($0) }
        }

        private mutating func press(_ event: InputEvent) -> [MenuAction] {
            guard let frame else { return [] }
            let wasPressed = resolver.pressed
            let input = resolver.input(for: event, on: frame)
            if resolver.pressed != wasPressed { show() }
            guard let input else { return [] }
            return machine.handle(input, now: Date())
        }
    }
}
