// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskConfiguration
import Testing

/// The `[sync]` table: absent means no sync; the server must be https (http on loopback only).
struct SyncSettingsTests {
    @Test func aMissingTableMeansTheKioskWorksAlone() throws {
        #expect(try KioskConfiguration.parse(Fixture.minimal, source: "kioskd.toml").sync == nil)
        #expect(try KioskConfiguration.parse(KioskConfiguration.demoTOML, source: "demo").sync == nil)
        #expect(KioskConfiguration.demoTOML.contains("\n# [sync]\n"))
    }

    @Test func everyKeyIsRead() throws {
        let text = Fixture.minimal + """

            [sync]
            server = "https://central.example.cn/kiosk"
            identity = "/var/lib/kioskd/device-identity.json"
            interval_seconds = 30
            request_timeout_seconds = 10
            """
        let sync = try #require(try KioskConfiguration.parse(text, source: "kioskd.toml").sync)
        #expect(
            sync
                == SyncSettings(
                    server: URL(string: "https://central.example.cn/kiosk")!, identityPath: "/var/lib/kioskd/device-identity.json",
                    intervalSeconds: 30, requestTimeoutSeconds: 10))
    }

    @Test func defaultsBesideTheServer() throws {
        let sync = try #require(
            try KioskConfiguration.parse(Fixture.minimal + "\n\n[sync]\nserver = \"http://127.0.0.1:8443\"\n", source: "k").sync)
        #expect(sync.identityPath == "var/device-identity.json")
        #expect(sync.intervalSeconds == 60 && sync.requestTimeoutSeconds == 30)
    }

    @Test(arguments: [
        ("server = \"http://central.example.cn\"", "sync.server"),
        ("server = \"ftp://central.example.cn\"", "sync.server"),
        ("server = \"central.example.cn\"", "sync.server"),
        ("server = 8443", "sync.server"),
        ("interval_seconds = 4", "sync.interval_seconds"),
        ("request_timeout_seconds = 301", "sync.request_timeout_seconds"),
        ("identity = \"\"", "sync.identity"),
        ("proxy = \"x\"", "sync.proxy"),
    ])
    func badValuesAreRefusedNamingTheKeyAndLine(line: String, key: String) throws {
        let server = line.hasPrefix("server") ? "" : "server = \"https://central.example.cn\"\n"
        let text = Fixture.minimal + "\n\n[sync]\n\(server)\(line)\n"
        let error = try #require(Fixture.error(parsing: text))
        #expect(error.key == key)
        #expect(error.line == Fixture.line(of: line, in: text))
    }

    @Test func aTableWithoutServerIsRefused() throws {
        let error = try #require(Fixture.error(parsing: Fixture.minimal + "\n\n[sync]\ninterval_seconds = 60\n"))
        #expect(error.key == "sync.server")
    }

    @Test(arguments: [
        ("https://central.example.cn", true), ("http://127.0.0.1:8443", true), ("http://localhost:8443", true),
        ("http://[::1]:8443", true), ("http://10.0.0.5:8443", false), ("http://central.example.cn", false),
    ])
    func plainHTTPOnlyOnLoopback(url: String, allowed: Bool) {
        #expect((SyncSettings.problem(with: URL(string: url)!) == nil) == allowed)
    }
}
