// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import KioskConfiguration
import Testing

struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:8080", "127.0.0.1", 8080),
        ("0.0.0.0:80", "0.0.0.0", 80),
        ("[::1]:8080", "::1", 8080),
        ("kiosk.local:65535", "kiosk.local", 65535),
        ("127.0.0.1:0", "127.0.0.1", 0),
    ])
    func parsesHostAndPort(text: String, host: String, port: Int) throws {
        let address = try #require(ListenAddress(parsing: text))
        #expect(address == ListenAddress(host: host, port: port))
        #expect(address.description == text)
    }

    @Test(arguments: ["8080", ":8080", "127.0.0.1:", "127.0.0.1:65536", "::1:8080", "[::1]8080", "[::1]:x", "host:+80"])
    func refusesMalformedAddresses(text: String) {
        #expect(ListenAddress(parsing: text) == nil)
    }
}
