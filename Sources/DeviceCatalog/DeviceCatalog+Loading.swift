// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

extension DeviceCatalog {
    /// Where `kioskd` looks for device files when not told: `devices` in the working directory (a checkout),
    /// else the packaged copy.
    public static let defaultDirectories = ["devices", "/usr/share/kioskd/devices"]

    /// The first of ``defaultDirectories`` that exists, or the first one when none does (so the error names it).
    public static func defaultDirectory() -> String {
        defaultDirectories.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        } ?? defaultDirectories[0]
    }

    /// Reads every `*.toml` file of a directory (not its subdirectories; hidden files are skipped).
    ///
    /// - Parameter directory: The directory, e.g. `devices`; relative to the working directory.
    /// - Returns: The catalog, models sorted by file name.
    /// - Throws: ``DeviceCatalogError``: the directory or a file is unreadable, holds no device file, a file
    ///   is malformed, or two files describe the same USB id.
    public static func load(directory: String) throws(DeviceCatalogError) -> DeviceCatalog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DeviceCatalogError(
                code: .unreadable, file: directory,
                message: "no such directory; expected the directory of device files, e.g. devices/ in a checkout "
                    + "or /usr/share/kioskd/devices")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw DeviceCatalogError(
                code: .unreadable, file: directory, message: "cannot read the device directory", underlying: error)
        }
        let files = names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.sorted()
        guard !files.isEmpty else {
            throw DeviceCatalogError(
                code: .noDevices, file: directory,
                message: "no *.toml device files here; is this the devices/ directory?")
        }
        var models: [DeviceModel] = []
        for name in files {
            let path = join(directory, name)
            let text: String
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                guard let decoded = String(data: data, encoding: .utf8) else {
                    throw DeviceCatalogError(code: .unreadable, file: path, message: "the file is not UTF-8 text")
                }
                text = decoded
            } catch let error as DeviceCatalogError {
                throw error
            } catch {
                throw DeviceCatalogError(
                    code: .unreadable, file: path, message: "cannot read the file", underlying: error)
            }
            models.append(try DeviceModel.parse(text, path: path))
        }
        return try DeviceCatalog(models: models, directory: directory)
    }
}
