// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension DeviceCatalog {
    /// The USB interface class of vendor-specific interfaces, where unknown ID-card readers usually sit.
    public static let vendorSpecificClass: UInt8 = 0xff

    /// Judges one device a transport found on the bus: taken (and how), or not (and what the technician can do).
    ///
    /// - Parameter device: The device seen.
    /// - Returns: The finding, to log with ``BusFinding/message`` and ``BusFinding/metadata``.
    public func assess(_ device: BusDevice) -> BusFinding {
        if let model = model(for: device.usbID) {
            switch model.connection {
            case .usb: return BusFinding(device: device, model: model, reason: .described)
            case .serial: return BusFinding(device: device, model: model, reason: .describedSerial)
            }
        }
        let reason: BusFinding.Reason =
            device.interfaceClasses.contains(DeviceCatalog.vendorSpecificClass) ? .unknownVendorSpecific : .unknown
        return BusFinding(device: device, model: nil, reason: reason)
    }
}
