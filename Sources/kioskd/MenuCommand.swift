// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Menu

/// `kioskd menu`: the touchscreen text menu, a client of the daemon, in the terminal it is started in.
struct MenuCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "menu",
        abstract: "Show the touchscreen text menu (取号, 预约签到, 评价, 代办) in this terminal.",
        discussion: """
            Run it in xterm on the kiosk's screen (taps arrive as SGR mouse reports), or in tmux for tests.
            It talks to a running `kioskd run` and waits for it when it is not there yet.
            Keys: 1-6 the buttons, 7/8 previous/next page, 0 返回, 9 首页; on keypads the digits type,
            Backspace deletes, Enter confirms, Escape goes back.
            """)

    @Option(name: .long, help: "The daemon's base URL.")
    var server = "http://127.0.0.1:8080"

    @Option(name: .long, help: "Seconds without a touch before a citizen screen asks for more time (then 10 s more).")
    var idleSeconds = 30

    @Flag(name: .long, help: "Start in elderly mode (larger, fewer buttons).")
    var elderly = false

    @Option(name: .long, help: "The agent id that logs in with a PIN at this kiosk.")
    var agent = "agent-1"

    func validate() throws {
        guard (5...3600).contains(idleSeconds) else { throw ValidationError("--idle-seconds must be 5…3600, found \(idleSeconds)") }
        guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw ValidationError("--server must be an http:// URL, found \"\(server)\"")
        }
    }

    func run() async throws {
        var configuration = MenuApp.Configuration()
        configuration.server = server
        configuration.menu.idleSeconds = idleSeconds
        configuration.menu.elderly = elderly
        configuration.menu.agentID = agent
        do throws(MenuError) {
            try await MenuApp(configuration: configuration).run()
        } catch {
            FileHandle.standardError.write(Data("kioskd menu: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
