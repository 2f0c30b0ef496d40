// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The supported device models: the `devices/*.toml` files, checked, in file-name order.
///
/// Load it with ``load(directory:)``, look a device up with ``model(for:)``, judge what a transport found
/// on the bus with ``assess(_:)``, and generate the udev rules with ``UdevRules``.
public struct DeviceCatalog: Sendable {
    /// The models, sorted by file name.
    public let models: [DeviceModel]

    private let byID: [USBDeviceID: [Int]]

    /// Creates a catalog from models, refusing two that share a USB id (unless every model with that id declares
    /// it shared, `usb.shared_id = true`) or that claim the same device symlink for different ids.
    ///
    /// - Parameters:
    ///   - models: The models, in any order; the catalog sorts them by file name.
    ///   - directory: The directory to name in errors, e.g. `devices`.
    /// - Throws: ``DeviceCatalogError`` with code ``DeviceCatalogError/Code/duplicate``.
    public init(models: [DeviceModel], directory: String = "devices") throws(DeviceCatalogError) {
        let sorted = models.sorted { $0.fileName < $1.fileName }
        var byID: [USBDeviceID: [Int]] = [:]
        var bySymlink: [String: DeviceModel] = [:]
        for (index, model) in sorted.enumerated() {
            let path = DeviceCatalog.join(directory, model.fileName)
            if let other = byID[model.usbID]?.first.map({ sorted[$0] }), !(model.sharesUSBID && other.sharesUSBID) {
                let unshared = model.sharesUSBID ? other.fileName : model.fileName
                throw DeviceCatalogError(
                    code: .duplicate, file: path, key: "usb",
                    message: "\(model.usbID) is already described by \(other.fileName); one file per USB "
                        + "vendor:product id, unless every file with that id says so with `shared_id = true` in "
                        + "[usb] (\(unshared) does not)")
            }
            byID[model.usbID, default: []].append(index)
            guard let symlink = model.symlink else { continue }
            if let other = bySymlink[symlink], other.usbID != model.usbID {
                throw DeviceCatalogError(
                    code: .duplicate, file: path, key: "serial.symlink",
                    message: "\"\(symlink)\" is already the symlink of \(other.fileName); each file needs its own")
            }
            bySymlink[symlink] = model
        }
        self.models = sorted
        self.byID = byID
    }

    /// The model with this USB vendor:product id, if exactly one file describes it (see ``models(for:)`` for a
    /// shared id).
    public func model(for id: USBDeviceID) -> DeviceModel? {
        let candidates = models(for: id)
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The model with this USB vendor and product id, if exactly one file describes it.
    public func model(vendorID: UInt16, productID: UInt16) -> DeviceModel? {
        model(for: USBDeviceID(vendorID: vendorID, productID: productID))
    }

    /// Every model with this USB id, in file-name order: one, several for a shared id, or none.
    public func models(for id: USBDeviceID) -> [DeviceModel] {
        (byID[id] ?? []).map { models[$0] }
    }

    /// The models of one kind, in file-name order.
    public func models(of kind: DeviceModel.Kind) -> [DeviceModel] {
        models.filter { $0.kind == kind }
    }

    /// `directory/name`, without doubling the `/`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }
}
