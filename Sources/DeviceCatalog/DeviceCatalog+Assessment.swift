// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension DeviceCatalog {
    /// The USB interface class of vendor-specific interfaces, where unknown ID-card readers usually sit.
    public static let vendorSpecificClass: UInt8 = 0xff

    /// Judges one device a transport found on the bus: taken (and how), or not (and what the technician can do).
    ///
    /// A model that names its interface class (`usb.interface_class`) fits only a device that has an interface of
    /// that class, when the device's classes are known. Of a shared id's models, those that fit are candidates:
    /// one is taken as itself, several as ``BusFinding/Reason/describedShared``.
    ///
    /// - Parameter device: The device seen.
    /// - Returns: The finding, to log with ``BusFinding/message`` and ``BusFinding/metadata``.
    public func assess(_ device: BusDevice) -> BusFinding {
        let described = models(for: device.usbID)
        guard !described.isEmpty else {
            let reason: BusFinding.Reason =
                if device.interfaceClasses.contains(DeviceModel.printerInterfaceClass) {
                    .unknownPrinter
                } else if device.interfaceClasses.contains(DeviceCatalog.vendorSpecificClass) {
                    .unknownVendorSpecific
                } else {
                    .unknown
                }
            return BusFinding(device: device, models: [], reason: reason)
        }
        let fitting = described.filter { model in
            guard let interfaceClass = model.interfaceClass, !device.interfaceClasses.isEmpty else { return true }
            return device.interfaceClasses.contains(interfaceClass)
        }
        switch fitting.count {
        case 0:
            return BusFinding(device: device, models: described, reason: .interfaceMismatch)
        case 1:
            let reason: BusFinding.Reason =
                switch fitting[0].connection {
                case .usb: .described
                case .serial: .describedSerial
                case .usblp: .describedUsblp
                }
            return BusFinding(device: device, models: fitting, reason: reason)
        default:
            return BusFinding(device: device, models: fitting, reason: .describedShared)
        }
    }
}
