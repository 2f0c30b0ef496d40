// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CLibUSB
import DeviceCatalog

/// The process's one libusb context, created on first use and kept for the life of the process.
///
/// Its methods block (they read descriptors, open device files): call them on a thread or queue the caller
/// owns, never on Swift's cooperative pool.
final class USBContext: @unchecked Sendable {
    // @unchecked Sendable: the pointer is set once; libusb contexts are thread-safe.
    let pointer: OpaquePointer

    /// The shared context, or why libusb could not start (no usbfs, e.g. in some containers).
    static let shared: Result<USBContext, ReaderError> = Result { () throws(ReaderError) -> USBContext in
        var context: OpaquePointer?
        let status = USBStatus(rawValue: libusb_init(&context))
        guard status == .success, let context else { throw status.error(.openFailed, "libusb_init") }
        return USBContext(pointer: context)
    }

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Whether libusb reports arrivals and departures itself (`LIBUSB_CAP_HAS_HOTPLUG`).
    static var hasHotplug: Bool { libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG.rawValue) != 0 }

    /// The devices on the bus now, in bus and address order.
    func devices() -> [USBAttachedDevice] {
        withDeviceList { list in
            list.map { device in
                var descriptor = libusb_device_descriptor()
                _ = libusb_get_device_descriptor(device, &descriptor)
                let classes = Set(Self.interfaces(of: device).map(\.interfaceClass)).sorted()
                return USBAttachedDevice(
                    bus: libusb_get_bus_number(device), address: libusb_get_device_address(device),
                    usbID: USBDeviceID(vendorID: descriptor.idVendor, productID: descriptor.idProduct),
                    interfaceClasses: classes)
            }
        }
        .sorted { ($0.bus, $0.address) < ($1.bus, $1.address) }
    }

    /// Opens the device at a bus address and reads its interfaces.
    /// - Parameter device: The device as listed.
    /// - Returns: The open handle and the active configuration's interfaces.
    /// - Throws: ``ReaderError/Code/disconnected`` when the device is gone, ``ReaderError/Code/openFailed``
    ///   (naming the libusb error, e.g. `LIBUSB_ERROR_ACCESS`) when it cannot be opened.
    func open(_ device: USBAttachedDevice) throws(ReaderError) -> (handle: OpaquePointer, interfaces: [USBInterfaceLayout]) {
        let result = withDeviceList { list -> Result<(OpaquePointer, [USBInterfaceLayout]), ReaderError> in
            guard
                let found = list.first(where: {
                    libusb_get_bus_number($0) == device.bus && libusb_get_device_address($0) == device.address
                })
            else { return .failure(ReaderError(.disconnected, "\(device): no longer on the bus")) }
            var handle: OpaquePointer?
            let status = USBStatus(rawValue: libusb_open(found, &handle))
            guard status == .success, let handle else { return .failure(status.error(.openFailed, "\(device): libusb_open")) }
            return .success((handle, Self.interfaces(of: found)))
        }
        return try result.get()
    }

    /// Runs `body` over the current device list, freeing the list after.
    private func withDeviceList<T>(_ body: ([OpaquePointer]) -> T) -> T {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(pointer, &list)
        defer { if let list { libusb_free_device_list(list, 1) } }
        guard count > 0, let list else { return body([]) }
        return body((0..<count).compactMap { list[$0] })
    }

    /// The interfaces of a device's active configuration (first alternate settings), or none when the
    /// configuration cannot be read.
    private static func interfaces(of device: OpaquePointer) -> [USBInterfaceLayout] {
        var config: UnsafeMutablePointer<libusb_config_descriptor>?
        guard libusb_get_active_config_descriptor(device, &config) == 0, let config else { return [] }
        defer { libusb_free_config_descriptor(config) }
        return (0..<Int(config.pointee.bNumInterfaces)).compactMap { index in
            let interface = config.pointee.interface[index]
            guard interface.num_altsetting > 0 else { return nil }
            let setting = interface.altsetting[0]
            let endpoints = (0..<Int(setting.bNumEndpoints)).map { number in
                let endpoint = setting.endpoint[number]
                let kind: USBEndpoint.Kind =
                    switch endpoint.bmAttributes & 0x03 {
                    case 0: .control
                    case 1: .isochronous
                    case 2: .bulk
                    default: .interrupt
                    }
                return USBEndpoint(
                    address: endpoint.bEndpointAddress, kind: kind,
                    maximumPacketSize: Int(endpoint.wMaxPacketSize & 0x07FF))
            }
            return USBInterfaceLayout(
                number: Int(setting.bInterfaceNumber), interfaceClass: setting.bInterfaceClass, endpoints: endpoints)
        }
    }
}
