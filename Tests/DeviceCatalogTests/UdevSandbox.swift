// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Runs `udevadm` on a rules file without touching the machine's udev state.
///
/// - `udevadm verify` (systemd ≥ 254) checks the syntax directly.
/// - On older systemd (Debian 12 has 252, which lacks `verify`), `udevadm test` runs in a private mount
///   namespace (`unshare -m`, needs root): `/run` holds only the rules under test, `/dev` is a tmpfs for the
///   links udev creates, and `/sys` is a tmpfs with hand-made USB devices (what umockdev does, without it).
///   `SYSTEMD_DEVICE_VERIFY_SYSFS=0` lets udev accept a `/sys` that is not sysfs.
enum UdevSandbox {
    /// A fake USB device: a `usb_device` with ids, and optionally a tty below it (a USB-serial bridge) or a usblp
    /// node (`lp0`, a USB printer-class printer).
    struct FakeDevice {
        var name: String
        var vendorID: String
        var productID: String
        var tty: String?
        var usblp: String? = nil
    }

    static let udevadm: String? = ["/usr/bin/udevadm", "/bin/udevadm", "/sbin/udevadm"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    private static let unshare: String? = ["/usr/bin/unshare", "/bin/unshare"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether `udevadm verify` exists (systemd ≥ 254).
    static let hasVerify: Bool = {
        guard let udevadm else { return false }
        let result = run(udevadm, ["verify", "--help"])
        return result.status == 0
    }()

    /// Whether `udevadm test` can run in a private mount namespace here (root, unshare, mounts allowed).
    static let canSandbox: Bool = {
        guard udevadm != nil, let unshare, getuid() == 0 else { return false }
        return run(unshare, ["-m", "/bin/sh", "-c", "mount --make-rprivate / && mount -t tmpfs none /run"]).status == 0
    }()

    /// Checks a rules file with `udevadm verify`; returns its exit status and output.
    static func verify(_ rulesFile: String) -> (status: Int32, output: String) {
        run(udevadm ?? "udevadm", ["verify", "--resolve-names=never", rulesFile])
    }

    /// Runs `udevadm test --action=add` on each fake device with only `rules` added to the system's rules.
    ///
    /// - Returns: Each device's output, by device name.
    static func test(rules: String, devices: [FakeDevice]) throws -> [String: String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kioskd-udev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(rules.utf8).write(to: directory.appendingPathComponent("70-kioskd.rules"))

        let hub = "/sys/devices/pci0000:00/0000:00:14.0/usb1"
        var script = """
            set -e
            mount --make-rprivate /
            mount -t tmpfs none /run
            mkdir -p /run/udev/rules.d
            cp "$1/70-kioskd.rules" /run/udev/rules.d/
            mount -t tmpfs none /dev
            mount -t tmpfs none /sys
            mkdir -p /sys/bus/usb /sys/class/tty /sys/class/usbmisc
            export SYSTEMD_DEVICE_VERIFY_SYSFS=0

            """
        for (index, device) in devices.enumerated() {
            let usb = "\(hub)/1-\(index + 1)"
            script += """
                mkdir -p '\(usb)'
                printf 'MAJOR=189\\nMINOR=\(index + 1)\\nDEVNAME=bus/usb/001/\(String(format: "%03d", index + 2))\\nDEVTYPE=usb_device\\n' > '\(usb)/uevent'
                printf '189:\(index + 1)\\n' > '\(usb)/dev'
                printf '\(device.vendorID)\\n' > '\(usb)/idVendor'
                printf '\(device.productID)\\n' > '\(usb)/idProduct'
                ln -s /sys/bus/usb '\(usb)/subsystem'

                """
            var target = usb
            if let tty = device.tty {
                let interface = "\(usb)/1-\(index + 1):1.0"
                target = "\(interface)/\(tty)/tty/\(tty)"
                script += """
                    mkdir -p '\(target)'
                    printf 'DEVTYPE=usb_interface\\n' > '\(interface)/uevent'
                    ln -s /sys/bus/usb '\(interface)/subsystem'
                    : > '\(interface)/\(tty)/uevent'
                    printf 'MAJOR=188\\nMINOR=\(index)\\nDEVNAME=\(tty)\\n' > '\(target)/uevent'
                    printf '188:\(index)\\n' > '\(target)/dev'
                    ln -s /sys/class/tty '\(target)/subsystem'

                    """
            }
            if let lp = device.usblp {
                let interface = "\(usb)/1-\(index + 1):1.0"
                target = "\(interface)/usbmisc/\(lp)"
                script += """
                    mkdir -p '\(target)'
                    printf 'DEVTYPE=usb_interface\\n' > '\(interface)/uevent'
                    ln -s /sys/bus/usb '\(interface)/subsystem'
                    printf 'MAJOR=180\\nMINOR=\(index)\\nDEVNAME=usb/\(lp)\\n' > '\(target)/uevent'
                    printf '180:\(index)\\n' > '\(target)/dev'
                    ln -s /sys/class/usbmisc '\(target)/subsystem'

                    """
            }
            script += "echo '\(marker)\(device.name)'\nudevadm test --action=add '\(target)' 2>&1 || true\n"
        }
        let scriptFile = directory.appendingPathComponent("sandbox.sh")
        try Data(script.utf8).write(to: scriptFile)
        let result = run(unshare ?? "unshare", ["-m", "/bin/sh", scriptFile.path, directory.path])
        guard result.status == 0 else {
            throw SandboxError(message: "the udev sandbox failed (\(result.status)):\n\(result.output)")
        }
        var outputs: [String: String] = [:]
        var current: String?
        for line in result.output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(marker) {
                current = String(line.dropFirst(marker.count))
                outputs[current!, default: ""] = ""
            } else if let current {
                outputs[current, default: ""] += line + "\n"
            }
        }
        return outputs
    }

    /// Separates the devices' outputs (udevadm itself prints lines such as `=== trie on-disk ===`).
    private static let marker = "@@@ kioskd test device: "

    struct SandboxError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs a program, returning its exit status and combined output.
    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (127, "cannot run \(program): \(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
