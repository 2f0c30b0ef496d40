// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation
import Testing

struct DeviceModelTOMLTests {
    /// The fixture with one text replaced; the replacement must happen, so a fixture edit cannot void a test.
    private func fixture(_ base: String = Fixture.splitReader, replacing old: String, with new: String) -> String {
        #expect(base.contains(old), "the fixture no longer contains \(old)")
        return base.replacingOccurrences(of: old, with: new)
    }

    @Test func parsesSplitAndSerialFixtures() throws {
        let split = try DeviceModel.parse(Fixture.splitReader, path: "devices/reader-0400-c35a.toml")
        #expect(split.name == "reader-0400-c35a")
        #expect(split.usbID == USBDeviceID(vendorID: 0x0400, productID: 0xc35a))
        #expect(split.unconfirmedFacts == ["usb.interface"])
        let serial = try DeviceModel.parse(Fixture.serialReader, path: "reader-1a86-7523.toml")
        #expect(
            serial.connection
                == .serial(
                    SerialSettings(
                        baud: 115_200, dataBits: 8, parity: .none, stopBits: 1,
                        symlink: "kioskd/reader-1a86-7523-%n")))
        #expect(serial.sources.first?.url == "https://example.org/notes")
    }

    @Test func acceptsIDsAsIntegersOrHexWithPrefix() throws {
        var text = fixture(replacing: "vendor_id = \"0400\"", with: "vendor_id = 0x0400")
        text = fixture(text, replacing: "product_id = \"c35a\"", with: "product_id = \"0xC35A\"")
        let model = try DeviceModel.parse(text, path: "reader-0400-c35a.toml")
        #expect(model.usbID.description == "0400:c35a")
    }

    @Test func missingUSBIDsNameTheKey() {
        let text = fixture(replacing: "product_id = \"c35a\"\n", with: "")
        let error = Fixture.error(parsing: text)
        #expect(error?.code == .missingKey)
        #expect(
            error?.description
                == "devices/reader-0400-c35a.toml:6: usb.product_id: missing required key `product_id` "
                + "(expected a 16-bit USB id as 4 hex digits such as \"0400\" or \"0xc35a\", or an integer)")
        let noTable = Fixture.error(
            parsing: "kind = \"reader\"\nvendor = \"a\"\nmodel = \"b\"\nprotocol = \"ga467-sam\"\n")
        #expect(noTable?.code == .missingKey)
        #expect(noTable?.key == "usb")
    }

    @Test func badHexSaysWhatWasExpected() {
        let error = Fixture.error(parsing: fixture(replacing: "\"0400\"", with: "\"04g0\""))
        #expect(error?.code == .invalidValue)
        #expect(
            error?.description
                == "devices/reader-0400-c35a.toml:7: usb.vendor_id: expected a 16-bit USB id as 4 hex digits such as "
                + "\"0400\" or \"0xc35a\", or an integer, found \"04g0\"")
        let tooBig = Fixture.error(parsing: fixture(replacing: "\"0400\"", with: "0x10000"))
        #expect(tooBig?.message.contains("found the integer 65536, which is out of range") == true)
    }

    @Test func endpointDirectionsAreChecked() {
        let error = Fixture.error(parsing: fixture(replacing: "in_body = 0x85", with: "in_body = 0x05"))
        #expect(error?.code == .invalidValue)
        #expect(
            error?.description
                == "devices/reader-0400-c35a.toml:16: usb.endpoints.in_body: expected an IN endpoint (0x81–0x8f), found 0x05"
        )
        let missing = Fixture.error(parsing: fixture(replacing: "out_body = 0x06\n", with: ""))
        #expect(missing?.code == .missingKey)
        #expect(missing?.key == "usb.endpoints.out_body")
    }

    @Test func unknownSchemeListsTheKnownOnes() {
        let error = Fixture.error(parsing: fixture(replacing: "scheme = \"split\"", with: "scheme = \"dual\""))
        #expect(error?.code == .invalidValue)
        #expect(
            error?.description
                == "devices/reader-0400-c35a.toml:10: usb.scheme: expected one of \"split\", \"single\", found \"dual\""
        )
    }

    @Test func unknownKeysAreRefusedWhereTheyAre() {
        let top = Fixture.error(
            parsing: fixture(replacing: "model = \"Split\"", with: "model = \"Split\"\ncolour = \"red\""))
        #expect(top?.code == .unknownKey)
        #expect(
            top?.description.hasPrefix("devices/reader-0400-c35a.toml:4: colour: unknown key; expected one of `kind`")
                == true)
        let nested = Fixture.error(
            parsing: fixture(replacing: "in_body = 0x85", with: "in_body = 0x85\nin_tail = 0x86"))
        #expect(nested?.code == .unknownKey)
        #expect(nested?.key == "usb.endpoints.in_tail")
        #expect(nested?.line == 17)
    }

    @Test func wrongTypesAndKindsAreNamed() {
        let kind = Fixture.error(parsing: fixture(replacing: "kind = \"reader\"", with: "kind = \"scanner\""))
        #expect(
            kind?.description
                == "devices/reader-0400-c35a.toml:1: kind: expected one of \"reader\", \"printer\", found \"scanner\"")
        let interface = Fixture.error(parsing: fixture(replacing: "interface = 0", with: "interface = \"0\""))
        #expect(interface?.code == .wrongType)
        #expect(
            interface?.description == "devices/reader-0400-c35a.toml:9: usb.interface: expected an integer, found \"0\""
        )
    }

    @Test func everyFactNeedsASource() {
        let error = Fixture.error(
            parsing: fixture(replacing: "facts = [\"usb.interface\"]", with: "facts = [\"model\"]"))
        #expect(error?.code == .missingSource)
        #expect(error?.key == "usb.interface")
        #expect(error?.message.contains("no [[source]] names `usb.interface`") == true)
        let stray = Fixture.error(
            parsing: fixture(replacing: "facts = [\"usb.interface\"]", with: "facts = [\"usb.speed\"]"))
        #expect(stray?.code == .missingSource)
        #expect(stray?.key == "source[2].facts")
        #expect(stray?.line == 23)
        #expect(stray?.message.hasPrefix("names `usb.speed`, which this file does not set") == true)
    }

    @Test func fileNameMustFollowKindAndIDs() {
        let error = Fixture.error(parsing: Fixture.splitReader, as: "idr200.toml")
        #expect(error?.code == .fileName)
        #expect(error?.message.hasPrefix("expected the file to be named reader-0400-c35a.toml") == true)
    }

    @Test func libusbAndSerialAreExclusive() {
        let both = Fixture.error(
            parsing: Fixture.serialReader.replacingOccurrences(of: "[serial]", with: "scheme = \"single\"\n\n[serial]"),
            as: "reader-1a86-7523.toml")
        #expect(both?.code == .invalidValue)
        #expect(both?.key == "serial")
        let neither = Fixture.error(
            parsing: Fixture.serialReader.replacingOccurrences(of: "[serial]\nbaud = 115200\n", with: "")
                .replacingOccurrences(of: ", \"serial.baud\"", with: ""),
            as: "reader-1a86-7523.toml")
        #expect(neither?.code == .missingKey)
        #expect(neither?.key == "usb.scheme")
    }

    @Test func serialSettingsAreChecked() {
        func error(_ old: String, _ new: String) -> DeviceCatalogError? {
            Fixture.error(
                parsing: fixture(Fixture.serialReader, replacing: old, with: new), as: "reader-1a86-7523.toml")
        }
        #expect(
            error("baud = 115200", "baud = 115201")?.message
                == "expected one of 9600, 19200, 38400, 57600, 115200, found 115201")
        #expect(error("baud = 115200", "baud = 115200\nparity = \"mark\"")?.key == "serial.parity")
        #expect(error("baud = 115200", "baud = 115200\nsymlink = \"ttyReader\"")?.code == .invalidValue)
        #expect(error("baud = 115200", "baud = 115200\nsymlink = \"kioskd/reader\"")?.code == .invalidValue)
        #expect(error("baud = 115200", "baud = 115200\nsymlink = \"kioskd/../x-%n\"")?.code == .invalidValue)
    }

    @Test func syntaxErrorsCarryTheLine() {
        let error = Fixture.error(parsing: fixture(replacing: "model = \"Split\"", with: "model = \"Split"))
        #expect(error?.code == .syntax)
        #expect(error?.line == 3)
    }

    @Test func multiLineValuesCannotBreakTheRulesFile() {
        let error = Fixture.error(
            parsing: fixture(replacing: "model = \"Split\"", with: "model = \"Split\\nGROUP=\\\"root\\\"\""))
        #expect(error?.code == .invalidValue)
        #expect(error?.key == "model")
    }
}
