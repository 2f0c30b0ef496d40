// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The metadata keys of what the catalog reports about the bus (``BusFinding/metadata``).
///
/// The daemon turns them into `Logger.Metadata`; they carry ids and file names only, never card data.
public enum LogKey: String, Sendable, CaseIterable {
    /// The vendor id, e.g. `0400`.
    case usbVendorID = "usb.device.vid"
    /// The product id, e.g. `c35a`.
    case usbProductID = "usb.device.pid"
    /// Where the device is plugged in, e.g. `1-1.2`.
    case usbLocation = "usb.device.location"
    /// The interface class codes, e.g. `ff` or `07,ff`.
    case usbInterfaceClasses = "usb.device.interface_classes"
    /// `taken` or `not taken`.
    case decision = "device.decision"
    /// Why, as a ``BusFinding/Reason`` name such as `described`, `described-usblp` or `unknown-vendor-specific`.
    case reason = "device.reason"
    /// The device file that describes it, e.g. `reader-0400-c35a.toml`; for a shared id, the files, comma-separated.
    case file = "device.file"
    /// `reader` or `printer`.
    case kind = "device.kind"
    /// Vendor and model as the file names them; for a shared id `one of: A; B`.
    case model = "device.model"
    /// How kioskd talks to it, e.g. `libusb split: OUT 0x02/0x06, IN 0x81/0x85`, `tty 115200 8N1 /dev/kioskd/…` or
    /// `usblp as /dev/kioskd/printer-0416-5011`.
    case connection = "device.connection"
    /// The facts no confirmed source backs, e.g. `usb.interface`.
    case unconfirmed = "device.unconfirmed"
}
