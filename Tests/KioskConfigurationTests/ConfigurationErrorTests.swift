// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import KioskConfiguration
import Testing

struct ConfigurationErrorTests {
    @Test func descriptionLeavesOutWhatIsUnknown() {
        let message = "expected an integer, found \"4\""
        #expect(
            ConfigurationError(
                code: .wrongType, file: "kioskd.toml", line: 14, key: "business[2].width", message: message
            )
            .description == "kioskd.toml:14: business[2].width: expected an integer, found \"4\"")
        #expect(
            ConfigurationError(code: .wrongType, file: "kioskd.toml", key: "hall", message: "missing").description
                == "kioskd.toml: hall: missing")
        #expect(
            ConfigurationError(code: .syntax, file: "kioskd.toml", line: 3, message: "bad").description
                == "kioskd.toml:3: bad")
    }

    @Test func codesCompareAndDescribeThemselves() {
        #expect(ConfigurationError.Code.unknownKey == .unknownKey)
        #expect(ConfigurationError.Code.unknownKey != .missingKey)
        #expect(ConfigurationError.Code.syntax.description == "TOML syntax error")
    }
}
