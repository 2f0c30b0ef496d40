// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The udev rules file generated from a ``DeviceCatalog``: `udev/70-kioskd.rules`.
///
/// - libusb devices get their `/dev/bus/usb/BBB/DDD` node for the daemon's group:
///   `SUBSYSTEM=="usb"`, `ENV{DEVTYPE}=="usb_device"`, `ATTR{idVendor}`/`ATTR{idProduct}` in lower-case hex.
/// - USB printer-class printers get their usblp node (`/dev/usb/lpN`) for the group and a stable symlink
///   `/dev/kioskd/printer-<vid>-<pid>`: `SUBSYSTEM=="usbmisc"`, `KERNEL=="lp[0-9]*"`, matched on the parent USB
///   device with `ATTRS{…}`.
/// - Serial readers and printers (USB-serial bridges, CDC-ACM) get their tty for the group and a stable symlink
///   under `/dev/kioskd/`: `SUBSYSTEM=="tty"`, matched on the parent USB device with `ATTRS{…}`.
/// - Every matched device gets `ENV{KIOSKD_DEVICE}` = the file's name (the names, comma-separated, when several
///   files share the id), visible in `udevadm info`.
/// - Models that share an id and a device node get one rule, with a comment line for each.
/// - The guard is `ACTION=="remove"` (not `ACTION!="add"`), so a later `change` event does not reset the mode.
///
/// The text depends only on the catalog (models in file-name order), so it can be committed and compared.
public struct UdevRules: Sendable {
    /// The file name the rules are installed under, in `/etc/udev/rules.d/`.
    public static let fileName = "70-kioskd.rules"
    /// Where the generated file is committed, relative to the repository root.
    public static let committedPath = "udev/70-kioskd.rules"
    /// The command that regenerates the committed file.
    public static let regenerateCommand = "swift run kioskd udev-rules --output udev/70-kioskd.rules"

    /// The group the daemon runs in (see `systemd/` sysusers).
    public var group: String
    /// The whole file, ending with a newline.
    public let text: String

    /// Generates the rules for every model of a catalog.
    ///
    /// - Parameters:
    ///   - catalog: The device models.
    ///   - group: The group given the device nodes; `kioskd` by default.
    public init(catalog: DeviceCatalog, group: String = "kioskd") {
        self.group = group
        var lines = [
            "# kioskd: device permissions for the ID-card readers and printers in devices/.",
            "#",
            "# GENERATED from devices/*.toml by `kioskd udev-rules`; DO NOT EDIT BY HAND.",
            "# Regenerate: \(UdevRules.regenerateCommand)",
            "# Install:    install -m 0644 \(UdevRules.committedPath) /etc/udev/rules.d/",
            "#             udevadm control --reload && udevadm trigger --action=change",
            "",
            "ACTION==\"remove\", GOTO=\"kioskd_end\"",
            "",
            "# USB devices kioskd drives through libusb: their /dev/bus/usb node.",
            "SUBSYSTEM!=\"usb\", GOTO=\"kioskd_usb_end\"",
            "ENV{DEVTYPE}!=\"usb_device\", GOTO=\"kioskd_usb_end\"",
        ]
        let permissions = "GROUP=\"\(group)\", MODE=\"0660\""
        for models in UdevRules.groups(catalog.models, where: { if case .usb = $0 { true } else { false } }) {
            for model in models {
                guard case let .usb(interface) = model.connection else { continue }
                lines.append(UdevRules.comment(model, detail: interface.scheme.summary))
            }
            lines.append(
                UdevRules.match(models[0], parent: false) + "\(permissions), " + UdevRules.tag(models))
        }
        lines += [
            "LABEL=\"kioskd_usb_end\"",
            "",
            "# Printers of USB printer class (7), driven by the kernel's usblp driver: /dev/usb/lpN, and a stable name",
            "# under /dev/kioskd/.",
            "SUBSYSTEM!=\"usbmisc\", GOTO=\"kioskd_usblp_end\"",
            "KERNEL!=\"lp[0-9]*\", GOTO=\"kioskd_usblp_end\"",
        ]
        for models in UdevRules.groups(catalog.models, where: { if case .usblp = $0 { true } else { false } }) {
            for model in models {
                lines.append(UdevRules.comment(model, detail: model.printer?.summary ?? "usblp"))
            }
            lines.append(
                UdevRules.match(models[0], parent: true) + "\(permissions), "
                    + "SYMLINK+=\"\(models[0].symlink ?? "")\", " + UdevRules.tag(models))
        }
        lines += [
            "LABEL=\"kioskd_usblp_end\"",
            "",
            "# Serial readers and printers (USB-serial bridges, CDC-ACM): their tty, and a stable name under "
                + "/dev/kioskd/.",
            "SUBSYSTEM!=\"tty\", GOTO=\"kioskd_end\"",
        ]
        for models in UdevRules.groups(catalog.models, where: { if case .serial = $0 { true } else { false } }) {
            for model in models {
                guard case let .serial(settings) = model.connection else { continue }
                lines.append(UdevRules.comment(model, detail: settings.summary))
            }
            lines.append(
                UdevRules.match(models[0], parent: true) + "\(permissions), "
                    + "SYMLINK+=\"\(models[0].symlink ?? "")\", " + UdevRules.tag(models))
        }
        lines.append("LABEL=\"kioskd_end\"")
        text = lines.joined(separator: "\n") + "\n"
    }

    /// The models whose connection passes `isIncluded`, in groups that share a USB id and a symlink (one rule
    /// each), in file-name order of their first model.
    private static func groups(
        _ models: [DeviceModel], where isIncluded: (DeviceModel.Connection) -> Bool
    ) -> [[DeviceModel]] {
        var groups: [[DeviceModel]] = []
        for model in models where isIncluded(model.connection) {
            if let index = groups.firstIndex(where: { $0[0].usbID == model.usbID && $0[0].symlink == model.symlink }) {
                groups[index].append(model)
            } else {
                groups.append([model])
            }
        }
        return groups
    }

    /// `ATTR{idVendor}=="0400", ATTR{idProduct}=="c35a", ` on the device itself, or `ATTRS{…}` on a parent.
    private static func match(_ model: DeviceModel, parent: Bool) -> String {
        let attribute = parent ? "ATTRS" : "ATTR"
        return "\(attribute){idVendor}==\"\(model.usbID.vendorHex)\", "
            + "\(attribute){idProduct}==\"\(model.usbID.productHex)\", "
    }

    /// `ENV{KIOSKD_DEVICE}="reader-0400-c35a"`, the names comma-separated for a shared id.
    private static func tag(_ models: [DeviceModel]) -> String {
        "ENV{KIOSKD_DEVICE}=\"\(models.map(\.name).joined(separator: ","))\""
    }

    /// `# reader-0400-c35a.toml: 精伦 (Sunrise) iDR200 (split: OUT 0x02/0x06, IN 0x81/0x85)`.
    private static func comment(_ model: DeviceModel, detail: String) -> String {
        let unconfirmed =
            model.unconfirmedFacts.isEmpty ? "" : "; unconfirmed: " + model.unconfirmedFacts.joined(separator: ", ")
        return "# \(model.fileName): \(model.vendor) \(model.model) (\(detail)\(unconfirmed))"
    }

    /// How `other` (e.g. the committed file) differs from ``text``, as a line diff; `nil` when equal.
    ///
    /// Lines only in `other` are shown as `-`, lines only in ``text`` as `+`, each with its line number in its
    /// own file (`- 17: …`, `+ 17: …`); common lines are left out. At most `limit` lines are shown.
    ///
    /// - Parameters:
    ///   - other: The text to compare, e.g. the committed file's contents.
    ///   - limit: The most differing lines to show.
    /// - Returns: The differing lines, or `nil` when the texts are equal.
    public func difference(from other: String, limit: Int = 40) -> String? {
        guard other != text else { return nil }
        let old = other.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Longest common subsequence table, from the ends: files are tens of lines.
        var common = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var output: [String] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                i += 1
                j += 1
            } else if j < new.count, i == old.count || common[i][j + 1] >= common[i + 1][j] {
                output.append("+ \(j + 1): \(new[j])")
                j += 1
            } else {
                output.append("- \(i + 1): \(old[i])")
                i += 1
            }
        }
        if output.count > limit {
            output = Array(output.prefix(limit)) + ["… (\(output.count - limit) more differing lines)"]
        }
        return output.joined(separator: "\n")
    }
}
