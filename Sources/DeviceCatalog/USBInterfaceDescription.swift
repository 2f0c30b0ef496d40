// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// How a libusb-driven device is reached: which interface, which endpoints, what transfers.
///
/// - Configuration keys (table `[usb]`, besides `vendor_id` and `product_id`):
///   - `interface` (integer 0–255, optional): the interface to claim; absent means the first
///     vendor-specific (class 0xff) interface.
///   - `scheme` (string, required): `split` or `single` (``EndpointScheme``).
///   - `transfer` (string, default `bulk`): `bulk`, `interrupt`, or `any` (either, whichever the interface has).
///   - `speed` (string, optional): `low`, `full`, `high` or `super`; for the technician, not checked.
///   - `[usb.endpoints]`: the endpoint addresses, see ``EndpointScheme``.
public struct USBInterfaceDescription: Hashable, Sendable {
    /// The USB transfer type the endpoints use.
    public enum Transfer: String, Hashable, Sendable, CaseIterable {
        /// Bulk endpoints.
        case bulk
        /// Interrupt endpoints.
        case interrupt
        /// Whichever of bulk or interrupt the interface has.
        case any
    }

    /// The bus speed the device enumerates at.
    public enum Speed: String, Hashable, Sendable, CaseIterable {
        /// 1.5 Mbit/s.
        case low
        /// 12 Mbit/s.
        case full
        /// 480 Mbit/s.
        case high
        /// 5 Gbit/s and above.
        case `super`
    }

    /// The interface number to claim; `nil` means the first vendor-specific (class 0xff) interface.
    public var interfaceNumber: Int?
    /// The endpoints and how frames are split across them.
    public var scheme: EndpointScheme
    /// The transfer type.
    public var transfer: Transfer
    /// The bus speed, when known.
    public var speed: Speed?

    /// Creates an interface description.
    ///
    /// - Parameters:
    ///   - interfaceNumber: The interface to claim, or `nil` for the first vendor-specific one.
    ///   - scheme: The endpoints and how frames are split across them.
    ///   - transfer: The transfer type.
    ///   - speed: The bus speed, when known.
    public init(interfaceNumber: Int?, scheme: EndpointScheme, transfer: Transfer = .bulk, speed: Speed? = nil) {
        self.interfaceNumber = interfaceNumber
        self.scheme = scheme
        self.transfer = transfer
        self.speed = speed
    }
}
