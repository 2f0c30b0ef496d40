// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import Daemon

struct WindowAuthenticatorTests {
    @Test func comparesWholeTokensOnly() {
        let token = Array("demo-token-1".utf8)
        #expect(WindowAuthenticator.constantTimeEquals(token, token))
        #expect(!WindowAuthenticator.constantTimeEquals(token, Array("demo-token-2".utf8)))
        #expect(!WindowAuthenticator.constantTimeEquals(token, Array("demo-token-1x".utf8)))
        #expect(!WindowAuthenticator.constantTimeEquals(token, Array("demo-token-".utf8)))
        #expect(!WindowAuthenticator.constantTimeEquals(token, []))
        #expect(!WindowAuthenticator.constantTimeEquals([], token))
    }
}
