// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// The libusb transport against an emulated USB reader on an emulated usbdevfs (umockdev): the real libusb,
/// the real usbdevfs ioctls, the emulator's exact GA 467 bytes.
struct USBReaderTransportTests {
    /// The built-in cards (Sources/Reader/EmulatorFixture.swift) and the type each decodes to.
    static let cards = [
        ("resident", "resident"), ("residence-permit", "residence_permit"), ("foreigner", "foreign_permanent_resident"),
        ("foreigner-2023", "foreign_permanent_resident_2023"),
    ]

    @Test(arguments: ["split", "single"], cards.map(\.0))
    func readsEveryCardTypeOverBothSchemes(scheme: String, card: String) async throws {
        let (result, _) = try await USBReaderRig.read(["--scheme", scheme, "--card", card])
        #expect(result["outcome"]?.stringValue == "card", "\(result)")
        #expect(result["card_type"]?.stringValue == Self.cards.first { $0.0 == card }?.1)
        #expect(result["number"]?.stringValue?.contains("*") == true)
        let plan = try #require(result["plan"]?.stringValue)
        #expect(plan.contains(scheme == "split" ? "split: OUT 0x02/0x06, IN 0x81/0x85 (bulk)" : "single: OUT 0x01, IN 0x82 (interrupt)"))
    }

    @Test func aClearNumberNeverLeavesTheRig() async throws {
        let (result, _) = try await USBReaderRig.read(["--scheme", "split", "--card", "resident"])
        #expect(!"\(result)".contains("320102195608151233"))
        #expect(!"\(result)".contains("王测试"))
    }

    @Test func noCardIsNoCard() async throws {
        let (result, _) = try await USBReaderRig.read(["--scheme", "split", "--card", "none"])
        #expect(result["outcome"]?.stringValue == "no_card", "\(result)")
    }

    @Test(arguments: ["split", "single"])
    func aBadChecksumIsABadFrameWithNoIdentity(scheme: String) async throws {
        let (result, _) = try await USBReaderRig.read(["--scheme", scheme, "--fault", "bad-checksum"])
        #expect(result["outcome"]?.stringValue == "failed")
        #expect(result["code"]?.stringValue == "bad_frame", "\(result)")
        #expect(result["number"] == nil)
    }

    @Test(arguments: ["split", "single"])
    func aCardPulledMidReadIsCardRemovedWithNoIdentity(scheme: String) async throws {
        let (result, _) = try await USBReaderRig.read(["--scheme", scheme, "--fault", "card-pulled"])
        #expect(result["outcome"]?.stringValue == "failed")
        #expect(result["code"]?.stringValue == "card_removed", "\(result)")
        #expect(result["number"] == nil)
    }

    @Test(arguments: ["split", "single"])
    func anUnplugMidReadIsDisconnectedWithinBoundedTime(scheme: String) async throws {
        let (result, elapsed) = try await USBReaderRig.read(["--scheme", scheme, "--unplug-on-read"])
        #expect(result["outcome"]?.stringValue == "failed")
        #expect(result["code"]?.stringValue == "disconnected", "\(result)")
        #expect(result["error"]?.stringValue?.contains("LIBUSB_ERROR_NO_DEVICE") == true)
        // A bound against a hang, generous for a loaded run; `disconnected` (not `timeout`) is the real claim.
        #expect(elapsed < .seconds(60))
    }
}
