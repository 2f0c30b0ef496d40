// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// The backend's discovery mode (run with no arguments, e.g. by `lpinfo -v`): one line per device class.
enum Discovery {
    /// Where receipt printers appear: usblp devices and the symlinks kioskd's udev rules create.
    static let patterns = ["/dev/usb/lp*", "/dev/kioskd/printer-*"]

    /// The lines to print: the generic scheme first, then each printer device present.
    /// - Returns: Lines in the form `direct URI "make and model" "info"` (man 7 backend).
    static func lines() -> [String] {
        let generic = "direct \(DeviceURI.scheme) \"Unknown\" \"kioskd ESC/POS receipt printer\""
        return [generic] + patterns.flatMap(paths(matching:)).map { path in
            "direct \(DeviceURI.scheme):\(path) \"Unknown\" \"ESC/POS receipt printer on \(path)\""
        }
    }

    private static func paths(matching pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }
    }
}
