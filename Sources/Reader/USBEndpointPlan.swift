// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import DeviceCatalog

/// One endpoint of a USB interface, as its descriptor describes it.
public struct USBEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The transfer type of an endpoint (`bmAttributes & 3`).
    public enum Kind: Sendable, Hashable {
        /// Control (0), never used for frames.
        case control
        /// Isochronous (1), never used for frames.
        case isochronous
        /// Bulk (2).
        case bulk
        /// Interrupt (3).
        case interrupt
    }

    /// The address with its direction bit, e.g. `0x81`.
    public var address: UInt8
    /// The transfer type.
    public var kind: Kind
    /// `wMaxPacketSize`, in bytes.
    public var maximumPacketSize: Int

    /// Creates an endpoint.
    /// - Parameters:
    ///   - address: The address with its direction bit.
    ///   - kind: The transfer type.
    ///   - maximumPacketSize: `wMaxPacketSize`.
    public init(address: UInt8, kind: Kind, maximumPacketSize: Int = 64) {
        self.address = address
        self.kind = kind
        self.maximumPacketSize = maximumPacketSize
    }

    /// Whether data flows from the device to the host.
    public var isIn: Bool { address & 0x80 != 0 }

    /// `0x81 bulk IN`.
    public var description: String {
        let hex = String(address, radix: 16)
        return "0x\(hex.count < 2 ? "0" : "")\(hex) \(kind) \(isIn ? "IN" : "OUT")"
    }
}

/// One interface of a device's active configuration (its first alternate setting).
public struct USBInterfaceLayout: Sendable, Hashable {
    /// `bInterfaceNumber`.
    public var number: Int
    /// `bInterfaceClass`, e.g. `0xff` for vendor-specific.
    public var interfaceClass: UInt8
    /// The endpoints, in descriptor order.
    public var endpoints: [USBEndpoint]

    /// Creates an interface layout.
    /// - Parameters:
    ///   - number: `bInterfaceNumber`.
    ///   - interfaceClass: `bInterfaceClass`.
    ///   - endpoints: The endpoints, in descriptor order.
    public init(number: Int, interfaceClass: UInt8, endpoints: [USBEndpoint]) {
        self.number = number
        self.interfaceClass = interfaceClass
        self.endpoints = endpoints
    }
}

/// The interface and endpoints a reader's frames travel on: a device file's ``USBInterfaceDescription``
/// checked against the interfaces the device reports. Pure: no I/O.
public struct USBEndpointPlan: Sendable, Hashable, CustomStringConvertible {
    /// Which endpoints carry what.
    public enum Layout: Sendable, Hashable {
        /// Headers and bodies on separate pipes (``EndpointScheme/split(outHeader:outBody:inHeader:inBody:)``).
        case split(outHeader: USBEndpoint, outBody: USBEndpoint, inHeader: USBEndpoint, inBody: USBEndpoint)
        /// Whole frames on one pipe each way (``EndpointScheme/single(out:in:)``).
        case single(out: USBEndpoint, in: USBEndpoint)
    }

    /// The interface to claim.
    public var interfaceNumber: Int
    /// The endpoints.
    public var layout: Layout

    /// Resolves a device file's description against what the device reports.
    ///
    /// The interface is the described number, or the first vendor-specific (class `0xff`) one. Named
    /// endpoints must exist with the right direction and a transfer type the file allows; absent ones (the
    /// single scheme's `out`/`in`) are the interface's first OUT and IN endpoints of an allowed type.
    /// - Parameters:
    ///   - description: The device file's `[usb]` table.
    ///   - interfaces: The interfaces of the device's active configuration.
    /// - Returns: The plan.
    /// - Throws: ``ReaderError/Code/openFailed`` naming what is missing.
    public static func resolve(_ description: USBInterfaceDescription, interfaces: [USBInterfaceLayout])
        throws(ReaderError) -> USBEndpointPlan
    {
        let interface: USBInterfaceLayout
        if let number = description.interfaceNumber {
            guard let found = interfaces.first(where: { $0.number == number }) else {
                throw ReaderError(.openFailed, "the device has no interface \(number)")
            }
            interface = found
        } else {
            guard let found = interfaces.first(where: { $0.interfaceClass == DeviceCatalog.vendorSpecificClass })
            else { throw ReaderError(.openFailed, "the device has no vendor-specific (class 0xff) interface") }
            interface = found
        }
        let allowed: Set<USBEndpoint.Kind> =
            switch description.transfer {
            case .bulk: [.bulk]
            case .interrupt: [.interrupt]
            case .any: [.bulk, .interrupt]
            }
        func endpoint(_ address: UInt8?, isIn: Bool, role: String) throws(ReaderError) -> USBEndpoint {
            let candidates = interface.endpoints.filter { $0.isIn == isIn && allowed.contains($0.kind) }
            if let address {
                guard let found = interface.endpoints.first(where: { $0.address == address }) else {
                    throw ReaderError(
                        .openFailed, "\(role) endpoint \(Self.hex(address)) is not on interface \(interface.number)")
                }
                guard candidates.contains(found) else {
                    throw ReaderError(
                        .openFailed,
                        "\(role) endpoint \(found) does not fit the device file (\(description.transfer.rawValue) "
                            + "\(isIn ? "IN" : "OUT"))")
                }
                return found
            }
            guard let first = candidates.first else {
                throw ReaderError(
                    .openFailed,
                    "interface \(interface.number) has no \(description.transfer.rawValue) \(isIn ? "IN" : "OUT") endpoint")
            }
            return first
        }
        let layout: Layout
        switch description.scheme {
        case let .split(outHeader, outBody, inHeader, inBody):
            layout = .split(
                outHeader: try endpoint(outHeader, isIn: false, role: "out_header"),
                outBody: try endpoint(outBody, isIn: false, role: "out_body"),
                inHeader: try endpoint(inHeader, isIn: true, role: "in_header"),
                inBody: try endpoint(inBody, isIn: true, role: "in_body"))
        case let .single(out, `in`):
            layout = .single(
                out: try endpoint(out, isIn: false, role: "out"), in: try endpoint(`in`, isIn: true, role: "in"))
        }
        return USBEndpointPlan(interfaceNumber: interface.number, layout: layout)
    }

    /// `interface 0, split: OUT 0x02/0x06, IN 0x81/0x85 (bulk)`.
    public var description: String {
        switch layout {
        case let .split(outHeader, outBody, inHeader, inBody):
            "interface \(interfaceNumber), split: OUT \(Self.hex(outHeader.address))/\(Self.hex(outBody.address)), "
                + "IN \(Self.hex(inHeader.address))/\(Self.hex(inBody.address)) (\(inBody.kind))"
        case let .single(out, `in`):
            "interface \(interfaceNumber), single: OUT \(Self.hex(out.address)), IN \(Self.hex(`in`.address)) (\(`in`.kind))"
        }
    }

    /// `0x02`.
    static func hex(_ address: UInt8) -> String {
        let digits = String(address, radix: 16)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
