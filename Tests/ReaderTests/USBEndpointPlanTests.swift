// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Reader
import Testing

/// A device file's endpoints checked against what a device reports.
struct USBEndpointPlanTests {
    /// The SAM USB module's interface as devices/reader-0400-c35a.toml describes it.
    static let samModule = USBInterfaceLayout(
        number: 0, interfaceClass: 0xFF,
        endpoints: [
            USBEndpoint(address: 0x02, kind: .bulk), USBEndpoint(address: 0x06, kind: .bulk),
            USBEndpoint(address: 0x81, kind: .bulk), USBEndpoint(address: 0x85, kind: .bulk),
        ])
    static let split = USBInterfaceDescription(
        interfaceNumber: 0, scheme: .split(outHeader: 0x02, outBody: 0x06, inHeader: 0x81, inBody: 0x85))

    @Test func theSplitSchemeTakesTheFourNamedEndpoints() throws {
        let plan = try USBEndpointPlan.resolve(Self.split, interfaces: [Self.samModule])
        #expect(plan.description == "interface 0, split: OUT 0x02/0x06, IN 0x81/0x85 (bulk)")
    }

    @Test func aMissingEndpointIsAnOpenFailureNamingIt() {
        let three = USBInterfaceLayout(number: 0, interfaceClass: 0xFF, endpoints: Array(Self.samModule.endpoints.prefix(3)))
        #expect {
            try USBEndpointPlan.resolve(Self.split, interfaces: [three])
        } throws: { error in
            (error as? ReaderError)?.code == .openFailed && "\(error)".contains("in_body endpoint 0x85")
        }
    }

    @Test func theSingleSchemeFindsTheFirstEndpointsOfTheVendorInterface() throws {
        let hid = USBInterfaceLayout(number: 0, interfaceClass: 0x03, endpoints: [USBEndpoint(address: 0x81, kind: .interrupt)])
        let vendor = USBInterfaceLayout(
            number: 1, interfaceClass: 0xFF,
            endpoints: [USBEndpoint(address: 0x83, kind: .interrupt), USBEndpoint(address: 0x04, kind: .interrupt)])
        let single = USBInterfaceDescription(interfaceNumber: nil, scheme: .single(out: nil, in: nil), transfer: .any)
        let plan = try USBEndpointPlan.resolve(single, interfaces: [hid, vendor])
        #expect(plan.description == "interface 1, single: OUT 0x04, IN 0x83 (interrupt)")
    }

    @Test func aBulkFileRefusesInterruptEndpoints() {
        let interrupt = USBInterfaceLayout(
            number: 0, interfaceClass: 0xFF,
            endpoints: [USBEndpoint(address: 0x01, kind: .interrupt), USBEndpoint(address: 0x82, kind: .interrupt)])
        let single = USBInterfaceDescription(interfaceNumber: 0, scheme: .single(out: nil, in: nil), transfer: .bulk)
        #expect(throws: ReaderError(.openFailed)) { try USBEndpointPlan.resolve(single, interfaces: [interrupt]) }
    }
}
