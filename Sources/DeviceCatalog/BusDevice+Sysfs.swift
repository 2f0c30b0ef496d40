// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

extension BusDevice {
    /// The USB devices the kernel lists under `root` (`/sys/bus/usb/devices`), with the class codes of
    /// their interfaces, sorted by location. Hubs' own root entries (`usb1`, …) are left out; an
    /// unreadable or missing tree gives an empty list.
    ///
    /// A device is a folder named by its port path (`1-1.2`) holding `idVendor` and `idProduct`; its
    /// interfaces are folders `1-1.2:1.0` holding `bInterfaceClass` (hex).
    public static func scanSysfs(root: String = "/sys/bus/usb/devices") -> [BusDevice] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let read = { (path: String) -> String? in
            (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var classes: [String: [UInt8]] = [:]
        for entry in entries where entry.contains(":") {
            let device = String(entry.prefix { $0 != ":" })
            if let code = read("\(root)/\(entry)/bInterfaceClass").flatMap({ UInt8($0, radix: 16) }) {
                classes[device, default: []].append(code)
            }
        }
        return entries.filter { !$0.contains(":") && !$0.hasPrefix("usb") }.sorted().compactMap { entry in
            guard let vendor = read("\(root)/\(entry)/idVendor").flatMap({ UInt16($0, radix: 16) }),
                let product = read("\(root)/\(entry)/idProduct").flatMap({ UInt16($0, radix: 16) })
            else { return nil }
            return BusDevice(
                usbID: USBDeviceID(vendorID: vendor, productID: product), location: entry,
                interfaceClasses: Array(Set(classes[entry] ?? [])).sorted())
        }
    }
}
