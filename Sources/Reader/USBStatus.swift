// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CLibUSB

/// A libusb return code (`enum libusb_error`), and how it becomes a ``ReaderError``.
struct USBStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    let rawValue: CInt

    init(rawValue: CInt) {
        self.rawValue = rawValue
    }

    /// `LIBUSB_SUCCESS`.
    static let success = USBStatus(rawValue: LIBUSB_SUCCESS.rawValue)
    /// `LIBUSB_ERROR_TIMEOUT`: the transfer did not complete in time.
    static let timeout = USBStatus(rawValue: LIBUSB_ERROR_TIMEOUT.rawValue)
    /// `LIBUSB_ERROR_NO_DEVICE`: the device was unplugged.
    static let noDevice = USBStatus(rawValue: LIBUSB_ERROR_NO_DEVICE.rawValue)
    /// `LIBUSB_ERROR_NOT_FOUND`: no such device, or no kernel driver attached.
    static let notFound = USBStatus(rawValue: LIBUSB_ERROR_NOT_FOUND.rawValue)
    /// `LIBUSB_ERROR_NOT_SUPPORTED`: e.g. kernel driver queries on a platform without them.
    static let notSupported = USBStatus(rawValue: LIBUSB_ERROR_NOT_SUPPORTED.rawValue)
    /// `LIBUSB_ERROR_INTERRUPTED`: a system call was interrupted.
    static let interrupted = USBStatus(rawValue: LIBUSB_ERROR_INTERRUPTED.rawValue)

    /// libusb's name for the code, e.g. `LIBUSB_ERROR_PIPE`.
    var description: String { String(cString: libusb_error_name(rawValue)) }

    /// The error for a failed call: an unplugged device is ``ReaderError/Code/disconnected``, a timeout
    /// ``ReaderError/Code/timeout``, anything else `code` (``ReaderError/Code/ioFailed`` on an open link),
    /// always naming the libusb error.
    /// - Parameters:
    ///   - code: The code for errors other than an unplug or a timeout.
    ///   - context: The device and the call, e.g. `usb 0400:c35a bus 1 address 2: bulk IN 0x81`.
    func error(_ code: ReaderError.Code = .ioFailed, _ context: String) -> ReaderError {
        switch self {
        case .noDevice: ReaderError(.disconnected, "\(context): \(self)")
        case .timeout: ReaderError(.timeout, "\(context): \(self)")
        default: ReaderError(code, "\(context): \(self)")
        }
    }
}
