// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CLibUSB

/// An open libusb device with one claimed interface. Every method blocks: the owner (``USBTransport``)
/// calls them on its own serial queue only, never concurrently.
final class USBDeviceHandle: @unchecked Sendable {
    // @unchecked Sendable: created on the owner's queue and used only there (see the type's doc); it crosses
    // threads once, handed from that queue to the owner.
    /// The device, for error contexts.
    let device: USBAttachedDevice
    /// The claimed interface number.
    let interfaceNumber: Int
    private var handle: OpaquePointer?

    /// Opens the device, detaches a kernel driver bound to the plan's interface, and claims it.
    /// - Parameters:
    ///   - device: The device as listed.
    ///   - context: The process's libusb context.
    ///   - resolve: Picks the endpoints from the interfaces the device reports.
    /// - Returns: The handle and the resolved plan.
    /// - Throws: ``ReaderError``: ``ReaderError/Code/disconnected`` when the device left,
    ///   ``ReaderError/Code/openFailed`` naming the libusb error otherwise.
    static func open(
        _ device: USBAttachedDevice, context: USBContext,
        resolve: ([USBInterfaceLayout]) throws(ReaderError) -> USBEndpointPlan
    ) throws(ReaderError) -> (USBDeviceHandle, USBEndpointPlan) {
        let (handle, interfaces) = try context.open(device)
        let plan: USBEndpointPlan
        do {
            plan = try resolve(interfaces)
        } catch {
            libusb_close(handle)
            throw ReaderError(.openFailed, "\(device): \(error.context)")
        }
        let number = CInt(plan.interfaceNumber)
        let active = USBStatus(rawValue: libusb_kernel_driver_active(handle, number))
        if active.rawValue == 1 {
            let detached = USBStatus(rawValue: libusb_detach_kernel_driver(handle, number))
            guard detached == .success || detached == .notFound else {
                libusb_close(handle)
                throw detached.error(.openFailed, "\(device): libusb_detach_kernel_driver \(number)")
            }
        }
        let claimed = USBStatus(rawValue: libusb_claim_interface(handle, number))
        guard claimed == .success else {
            libusb_close(handle)
            throw claimed.error(.openFailed, "\(device): libusb_claim_interface \(number)")
        }
        return (USBDeviceHandle(device: device, interfaceNumber: plan.interfaceNumber, handle: handle), plan)
    }

    private init(device: USBAttachedDevice, interfaceNumber: Int, handle: OpaquePointer) {
        self.device = device
        self.interfaceNumber = interfaceNumber
        self.handle = handle
    }

    deinit {
        close()
    }

    /// One bulk or interrupt transfer (by the endpoint's type), waiting at most `milliseconds` (at least 1;
    /// libusb's 0 would wait forever).
    /// - Parameters:
    ///   - endpoint: The endpoint; its direction decides whether `buffer` is sent or filled.
    ///   - buffer: The bytes to send, or the space to receive into.
    ///   - milliseconds: The timeout.
    /// - Returns: The bytes moved (on a timeout too: a transfer may time out part-way) and the status.
    func transfer(_ endpoint: USBEndpoint, _ buffer: UnsafeMutableRawBufferPointer, milliseconds: Int64)
        -> (count: Int, status: USBStatus)
    {
        guard let handle else { return (0, .noDevice) }
        var transferred: CInt = 0
        let timeout = CUnsignedInt(clamping: max(1, milliseconds))
        let data = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let length = CInt(clamping: buffer.count)
        let status =
            switch endpoint.kind {
            case .interrupt:
                libusb_interrupt_transfer(handle, endpoint.address, data, length, &transferred, timeout)
            default:
                libusb_bulk_transfer(handle, endpoint.address, data, length, &transferred, timeout)
            }
        return (Int(transferred), USBStatus(rawValue: status))
    }

    /// Releases the interface and closes the device; harmless when already closed.
    func close() {
        guard let handle else { return }
        _ = libusb_release_interface(handle, CInt(interfaceNumber))
        libusb_close(handle)
        self.handle = nil
    }
}
