// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension DeviceModel {
    /// Which CUPS backend prints to a printer.
    public enum CUPSBackend: Hashable, Sendable {
        /// kioskd's own backend (`/usr/lib/cups/backend/kioskd`) on a device node, with this device URI, e.g.
        /// `kioskd:/dev/kioskd/printer-0416-5011?status=dle-eot`.
        case kioskd(deviceURI: String)
        /// CUPS's stock `usb` backend, with the `usb://Make/Model?serial=…` URI `lpinfo -v` lists for the printer.
        case stockUSB
    }

    /// The device node kioskd's backend opens for a usblp or tty printer: its udev symlink, e.g.
    /// `/dev/kioskd/printer-0416-5011`; `nil` for a device reached through libusb, which has no node of its own.
    public var devicePath: String? {
        symlink.map { "/dev/" + $0 }
    }

    /// The backend a CUPS queue for this printer uses.
    ///
    /// kioskd's backend when it adds something: the printer answers `DLE EOT` (the backend turns paper-out and
    /// cover-open into CUPS printer states), or it is a tty (the stock `usb` backend does not open ttys), or the
    /// technician names the device node (`devicePath`). Otherwise CUPS's stock `usb` backend, which also reaches
    /// vendor-class printers (such as Epson's 04b8:0202) that have no kernel device node.
    ///
    /// - Parameter devicePath: The device node to print to instead of ``devicePath``, e.g. from `--device`.
    /// - Returns: The backend, or `nil` for a model that is not a printer.
    public func cupsBackend(devicePath override: String? = nil) -> CUPSBackend? {
        guard let printer else { return nil }
        var baud: Int?
        if case let .serial(settings) = connection { baud = settings.baud }
        let reportsStatus = printer.status == .dleEOT
        guard let path = override ?? devicePath, override != nil || reportsStatus || baud != nil else {
            return .stockUSB
        }
        var uri = "kioskd:\(path)?status=\(printer.status.rawValue)"
        if let baud { uri += "&baud=\(baud)" }
        return .kioskd(deviceURI: uri)
    }
}
